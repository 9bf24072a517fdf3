/* The dashboard: loads the last hour from /api/stats/history once, then polls /api/stats every 5 s,
   updating the numbers and redrawing the SVG line charts, and /api/status for the Server card's uptime,
   requests and connections, and /api/live/broadcasts for the live broadcasts card. The API accepts the page's login for reads. */
(function () {
    "use strict";
    var root = document.getElementById("dashboard");
    if (!root) {
        return;
    }
    var api = root.getAttribute("data-api");
    var HOUR = 3600 * 1000;
    var SVG = "http://www.w3.org/2000/svg";
    var history = [];

    function get(path) {
        return fetch(api + path, {credentials: "same-origin",
                headers: {"Accept": "application/json", "X-Tributary-Console": "1"}})
            .then(function (r) {
                if (r.status === 401) {
                    window.location.reload(); // the login ended: the page goes to the login form
                }
                if (!r.ok) {
                    throw new Error("HTTP " + r.status);
                }
                return r.json();
            });
    }

    function bits(b) {
        if (b >= 1e6) { return (b / 1e6).toFixed(1) + " Mbit/s"; }
        if (b >= 1e3) { return Math.round(b / 1e3) + " kbit/s"; }
        return b + " bit/s";
    }

    function text(id, value) {
        var el = document.getElementById(id);
        if (el) { el.textContent = value; }
    }

    function element(name, attributes, content) {
        var el = document.createElementNS(SVG, name);
        Object.keys(attributes).forEach(function (k) { el.setAttribute(k, attributes[k]); });
        if (content !== undefined) { el.textContent = content; }
        return el;
    }

    /* The chart's time span: the samples' span rounded up to 10 minutes, at most the hour (a server that
       started a minute ago gets a readable line rather than a spike at the right edge). */
    function span() {
        var oldest = history.length ? Date.parse(history[0].time) : Date.now();
        var minutes = Math.ceil((Date.now() - oldest) / 600000) * 10;
        return Math.min(60, Math.max(10, minutes)) * 60000;
    }

    /* A line over the span (x: time, y: 0..max), with the max and the span as labels. */
    function chart(id, values, format) {
        var svg = document.getElementById(id);
        if (!svg) { return; }
        while (svg.firstChild) { svg.removeChild(svg.firstChild); }
        var w = 400, h = 150, top = 14, bottom = 136;
        var now = Date.now();
        var range = span();
        var max = Math.max.apply(null, values.map(function (v) { return v.y; }).concat([1e-9]));
        var points = values.map(function (v) {
            var x = Math.max(0, w - (now - v.t) / range * w);
            var y = bottom - (v.y / max) * (bottom - top);
            return x.toFixed(1) + "," + y.toFixed(1);
        });
        svg.appendChild(element("line", {x1: 0, y1: bottom, x2: w, y2: bottom, "class": "axis"}));
        svg.appendChild(element("line", {x1: 0, y1: top, x2: w, y2: top, "class": "axis"}));
        if (points.length > 0) {
            var first = points[0].split(",")[0], last = points[points.length - 1].split(",")[0];
            svg.appendChild(element("polygon", {points: first + "," + bottom + " " + points.join(" ") + " " + last + "," + bottom, "class": "area"}));
            svg.appendChild(element("polyline", {points: points.join(" "), "class": "line"}));
        }
        svg.appendChild(element("text", {x: 2, y: top - 3}, "max " + format(max < 1e-6 ? 0 : max)));
        svg.appendChild(element("text", {x: 2, y: h - 2}, "−" + Math.round(range / 60000) + " min"));
        svg.appendChild(element("text", {x: w - 2, y: h - 2, "text-anchor": "end"}, "now"));
    }

    function series(key) {
        return history.map(function (s) { return {t: Date.parse(s.time), y: key(s)}; });
    }

    function render(latest) {
        text("stat-sessions", latest.sessions);
        text("stat-connections", latest.connections);
        text("stat-bandwidth", bits(latest.bitsPerSecond));
        text("stat-packets", latest.packetsPerSecond);
        text("stat-cpu", Math.round(latest.processCpuLoad * 100) + " %");
        var transports = document.getElementById("transports");
        var counts = latest.sessionsByTransport || {};
        var total = Object.keys(counts).reduce(function (sum, k) { return sum + counts[k]; }, 0);
        transports.innerHTML = "";
        Object.keys(counts).sort().forEach(function (k) {
            var row = document.createElement("div");
            var label = document.createElement("span");
            label.className = "bar-label";
            label.textContent = k;
            var fill = document.createElement("span");
            fill.className = "bar-fill";
            fill.style.width = (total ? Math.max(2, 100 * counts[k] / total) : 0) + "%";
            var value = document.createElement("span");
            value.className = "bar-value";
            value.textContent = counts[k];
            row.appendChild(label);
            row.appendChild(fill);
            row.appendChild(value);
            transports.appendChild(row);
        });
        var top = document.getElementById("top-files");
        top.innerHTML = "";
        (latest.topFiles || []).forEach(function (f) {
            var li = document.createElement("li");
            var code = document.createElement("code");
            code.textContent = f.path;
            li.appendChild(code);
            li.appendChild(document.createTextNode(" · " + f.sessions));
            top.appendChild(li);
        });
        chart("chart-sessions", series(function (s) { return s.sessions; }), function (v) { return Math.round(v); });
        chart("chart-bandwidth", series(function (s) { return s.bitsPerSecond; }), bits);
        chart("chart-packets", series(function (s) { return s.packetsPerSecond; }), function (v) { return Math.round(v) + "/s"; });
        chart("chart-cpu", series(function (s) { return s.processCpuLoad * 100; }), function (v) { return Math.round(v) + " %"; });
        text("updated", "updated " + new Date(Date.parse(latest.time)).toLocaleTimeString());
        document.getElementById("live").classList.remove("stale");
        root.setAttribute("data-updated", latest.time);
    }

    /* "2d 03:04:05", as the page's first paint (StatusView.uptime). */
    function uptime(seconds) {
        var two = function (n) { return (n < 10 ? "0" : "") + n; };
        var days = Math.floor(seconds / 86400), rest = seconds % 86400;
        var clock = two(Math.floor(rest / 3600)) + ":" + two(Math.floor(rest % 3600 / 60)) + ":" + two(rest % 60);
        return days > 0 ? days + "d " + clock : clock;
    }

    function renderStatus(status) {
        text("uptime", uptime(status.uptimeSeconds));
        text("requests", status.requestsHandled);
        text("server-connections", status.openConnections + " open, " + status.totalConnections + " since start");
        var card = document.getElementById("status");
        if (card) {
            card.classList.remove("stale");
            card.setAttribute("data-updated", new Date().toISOString());
        }
    }

    /* "2 (35 viewers)": the broadcasts and the viewers watching them. */
    function renderBroadcasts(list) {
        var viewers = list.reduce(function (sum, b) { return sum + b.viewers; }, 0);
        text("stat-broadcasts", list.length + (list.length ? " (" + viewers + " viewers)" : ""));
    }

    function poll() {
        if (document.hidden) { return; }
        get("/live/broadcasts").then(renderBroadcasts).catch(function () { text("stat-broadcasts", "?"); });
        get("/status").then(renderStatus).catch(function () {
            var card = document.getElementById("status");
            if (card) { card.classList.add("stale"); }
        });
        get("/stats").then(function (s) {
            if (history.length === 0 || history[history.length - 1].time !== s.time) {
                history.push(s);
            }
            var cutoff = Date.now() - HOUR;
            history = history.filter(function (h) { return Date.parse(h.time) >= cutoff; });
            render(s);
        }).catch(function () {
            document.getElementById("live").classList.add("stale");
            text("updated", "not updating: the server did not answer");
        });
    }

    get("/stats/history").then(function (h) { history = h; }, function () { history = []; })
        .then(function () { poll(); setInterval(poll, 5000); });
})();
