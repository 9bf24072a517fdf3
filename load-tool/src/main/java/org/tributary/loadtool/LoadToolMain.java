package org.tributary.loadtool;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.tributary.loadtool.report.RunSummary;

/** Command-line entry point: parses options, runs the load, prints the summary, writes JSON. */
public final class LoadToolMain {
    private LoadToolMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        LoadToolOptions options;
        try {
            options = LoadToolOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.print(LoadToolOptions.USAGE);
            return 2;
        }
        if (options.help) {
            System.out.print(LoadToolOptions.USAGE);
            return 0;
        }
        try {
            RunSummary summary = new LoadRun(options, System.out).execute();
            System.out.print(summary.toText());
            if (options.jsonFile != null) {
                if (options.jsonFile.getParent() != null) {
                    Files.createDirectories(options.jsonFile.getParent());
                }
                Files.writeString(options.jsonFile, summary.toJson(), StandardCharsets.UTF_8);
                System.out.println("JSON summary written to " + options.jsonFile);
            }
            return 0;
        } catch (IOException e) {
            System.err.println("error: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        }
    }
}
