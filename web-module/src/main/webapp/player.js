// The standalone player (player.html): plays ?path= as HLS, with ?token= when given; says why when it cannot.
(function () {
    "use strict";
    var params = new URLSearchParams(window.location.search);
    var path = params.get("path");
    var token = params.get("token");
    var video = document.getElementById("player-video");
    var message = document.getElementById("player-message");

    function say(text) {
        message.textContent = text;
        message.hidden = false;
        document.body.setAttribute("data-player-error", text);
    }

    function why(status) {
        if (status === 401 || status === 403) {
            return "You may not play this file (HTTP " + status + "): the link's token expired or was never valid, "
                + "or the folder needs a login.";
        }
        if (status === 404) {
            return "There is no such file (HTTP 404).";
        }
        return status ? "The server answered HTTP " + status + "." : "The server could not be reached.";
    }

    if (!path) {
        say("No file to play: the page needs ?path=<file in the media folder>.");
        return;
    }
    var playlist = "hls/" + path.split("/").map(encodeURIComponent).join("/") + "/index.m3u8"
        + (token ? "?token=" + encodeURIComponent(token) : "");
    document.body.setAttribute("data-playlist", playlist);

    if (window.Hls && window.Hls.isSupported()) {
        var hls = new window.Hls();
        hls.on(window.Hls.Events.ERROR, function (event, data) {
            if (data.fatal) {
                say(why(data.response ? data.response.code : 0));
                hls.destroy();
            }
        });
        hls.loadSource(playlist);
        hls.attachMedia(video);
        window.tributaryPlayer = hls;
    } else if (video.canPlayType("application/vnd.apple.mpegurl")) {
        video.src = playlist; // Safari plays HLS itself
        video.addEventListener("error", function () {
            say("This file cannot be played here.");
        });
    } else {
        say("This browser plays neither HLS nor Media Source Extensions; use the RTSP link with a player such as VLC.");
    }
})();
