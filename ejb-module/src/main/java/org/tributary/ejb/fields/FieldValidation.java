package org.tributary.ejb.fields;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Runs the Bean Validation constraints of a service input and says its problems by field, with the texts of
 * {@link FieldMessages}: a constraint's message is a bundle key in braces ({@code "{rule.block}"}), and the
 * refused value (one element of a list) fills the text's {@code {0}}.
 */
public final class FieldValidation {

    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new BundleMessages()).buildValidatorFactory().getValidator();

    private FieldValidation() {
    }

    /**
     * The first problem of each field ("read.users", "allowFrom"), fields in the order of {@code fields} (its
     * last ones if unlisted), and within a list field the problem of its first bad element.
     */
    public static Map<String, String> problems(Object input, List<String> fields) {
        Comparator<ConstraintViolation<Object>> order = Comparator
                .comparingInt((ConstraintViolation<Object> v) -> rank(fields, field(v.getPropertyPath())))
                .thenComparing(v -> field(v.getPropertyPath()))
                .thenComparingInt(v -> index(v.getPropertyPath()))
                .thenComparing(ConstraintViolation::getMessage);
        Map<String, String> problems = new LinkedHashMap<>();
        VALIDATOR.validate(input).stream().sorted(order)
                .forEach(v -> problems.putIfAbsent(field(v.getPropertyPath()), v.getMessage()));
        return problems;
    }

    /** The property names of a path, without the element nodes of lists ("allowFrom[1].<list element>" → "allowFrom"). */
    static String field(Path path) {
        StringJoiner field = new StringJoiner(".");
        path.forEach(node -> {
            if (node.getKind() == ElementKind.PROPERTY) {
                field.add(node.getName());
            }
        });
        return field.toString();
    }

    private static int index(Path path) {
        int index = -1;
        for (Path.Node node : path) {
            if (node.getIndex() != null) {
                index = node.getIndex();
            }
        }
        return index;
    }

    private static int rank(List<String> fields, String field) {
        int rank = fields.indexOf(field);
        return rank < 0 ? fields.size() : rank;
    }

    /** "{key}" → the bundle's text for key, the validated value as its {0}. */
    private static final class BundleMessages implements MessageInterpolator {

        @Override
        public String interpolate(String template, Context context) {
            return interpolate(template, context, Locale.ROOT);
        }

        @Override
        public String interpolate(String template, Context context, Locale locale) {
            if (!template.startsWith("{") || !template.endsWith("}")) {
                return template;
            }
            String key = template.substring(1, template.length() - 1);
            return FieldMessages.text(key, context.getValidatedValue());
        }
    }
}
