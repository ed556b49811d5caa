/* Werkbaar chat widget: one <script> tag, no dependencies, no build step.
 *   <script src="https://SERVER/webhooks/chat/widget.js" data-server="https://SERVER"
 *           data-title="Werkbaar" data-color="#1f5f8b" defer></script>
 * data-mode="page" renders the chat inline (full-page chat). Text is always rendered with
 * textContent: links become <a> elements, nothing else becomes HTML. The one exception is the
 * summary page (built and escaped by the server), shown only in a script-less print frame. */
(function () {
  "use strict";
  var script = document.currentScript;
  var data = (script && script.dataset) || {};
  var scriptOrigin = script ? new URL(script.src, location.href).origin : location.origin;
  var SERVER = (data.server || scriptOrigin).replace(/\/+$/, "");
  var TITLE = data.title || "Werkbaar";
  var COLOR = data.color || "#1f5f8b";
  var MODE = data.mode === "page" ? "page" : "launcher";
  var WEBHOOK = SERVER + "/webhooks/chat/webhook";
  var TIMEOUT_MS = 20000;
  var KEY = { sender: "werkbaar:sender", log: "werkbaar:log", open: "werkbaar:open" };
  var TEXT = {
    open: "Open de chat met " + TITLE,
    close: "Sluit de chat",
    newChat: "Nieuw gesprek",
    label: "Typ je bericht",
    send: "Verstuur",
    typing: TITLE + " typt…",
    refused: "Dit bericht kan ik niet verwerken. Probeer het korter of in andere woorden.",
    offline: "Ik kan de server nu niet bereiken. Controleer je internetverbinding en probeer het opnieuw.",
    retry: "Opnieuw proberen",
    download: "Download je samenvatting",
    print: "Print / bewaar als PDF",
    printFrame: "Samenvatting om te printen",
    downloadText: "Of download als tekstbestand (.md)",
    progress: "Voortgang van de vragen"
  };

  function store(key, value) {
    try {
      if (value === undefined) sessionStorage.removeItem(key);
      else sessionStorage.setItem(key, JSON.stringify(value));
    } catch (e) { /* private mode: the chat still works, without reload memory */ }
  }
  function load(key, fallback) {
    try {
      var raw = sessionStorage.getItem(key);
      return raw === null ? fallback : JSON.parse(raw);
    } catch (e) { return fallback; }
  }
  function newId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var bytes = new Uint8Array(16);
    if (window.crypto && crypto.getRandomValues) crypto.getRandomValues(bytes);
    else for (var i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // -- safe text: line breaks kept, web addresses clickable -------------------------------
  var URL_RE = /(https?:\/\/[^\s<>"]+|www\.[^\s<>"]+)/g;
  function appendRichText(parent, text) {
    String(text).split("\n").forEach(function (line, index) {
      if (index > 0) parent.appendChild(document.createElement("br"));
      var last = 0;
      line.replace(URL_RE, function (match, _g, offset) {
        var url = match, tail = "";
        while (/[).,;:!?'"]$/.test(url)) { tail = url.slice(-1) + tail; url = url.slice(0, -1); }
        parent.appendChild(document.createTextNode(line.slice(last, offset)));
        var href = /^www\./.test(url) ? "https://" + url : url;
        var a = el("a", { href: href, target: "_blank", rel: "noopener noreferrer" }, url);
        parent.appendChild(a);
        if (tail) parent.appendChild(document.createTextNode(tail));
        last = offset + match.length;
        return match;
      });
      parent.appendChild(document.createTextNode(line.slice(last)));
    });
  }

  // -- the widget ------------------------------------------------------------------------
  var root, panel, logBox, input, typing, progress, progressText, progressBar, launcher;
  var sender = load(KEY.sender, null) || newId();
  var entries = load(KEY.log, []);
  var pending = 0;
  store(KEY.sender, sender);

  function injectStyle() {
    if (document.querySelector("link[data-werkbaar]")) return;
    var link = el("link", { rel: "stylesheet", href: SERVER + "/webhooks/chat/widget.css", "data-werkbaar": "1" });
    document.head.appendChild(link);
  }

  function build() {
    root = el("div", { "class": "wb-root wb-mode-" + MODE });
    root.style.setProperty("--wb-accent", COLOR);
    panel = el("div", { id: "werkbaar-panel", "class": "wb-panel", role: MODE === "page" ? "region" : "dialog", "aria-label": TITLE });
    var header = el("div", { "class": "wb-header" });
    header.appendChild(el("h2", { "class": "wb-title" }, TITLE));
    var newButton = el("button", { type: "button", id: "werkbaar-new", "class": "wb-new" }, TEXT.newChat);
    newButton.addEventListener("click", startOver);
    header.appendChild(newButton);
    if (MODE === "launcher") {
      var closeButton = el("button", { type: "button", "class": "wb-close", "aria-label": TEXT.close }, "×");
      closeButton.addEventListener("click", close);
      header.appendChild(closeButton);
    }
    panel.appendChild(header);

    progress = el("div", { "class": "wb-progress", hidden: "" });
    progressText = el("span", { "class": "wb-progress-text" });
    progressBar = el("progress", { max: "5", value: "0", "aria-label": TEXT.progress });
    progress.appendChild(progressText);
    progress.appendChild(progressBar);
    panel.appendChild(progress);

    logBox = el("div", { id: "werkbaar-log", "class": "wb-log", role: "log", "aria-live": "polite", "aria-relevant": "additions" });
    panel.appendChild(logBox);

    typing = el("div", { "class": "wb-typing", hidden: "" });
    typing.appendChild(el("span", { "class": "wb-dot", "aria-hidden": "true" }));
    typing.appendChild(el("span", { "class": "wb-dot", "aria-hidden": "true" }));
    typing.appendChild(el("span", { "class": "wb-dot", "aria-hidden": "true" }));
    typing.appendChild(el("span", { "class": "wb-visually-hidden" }, TEXT.typing));
    panel.appendChild(typing);

    var form = el("form", { "class": "wb-form" });
    form.appendChild(el("label", { "for": "werkbaar-input", "class": "wb-visually-hidden" }, TEXT.label));
    input = el("textarea", { id: "werkbaar-input", rows: "1", placeholder: TEXT.label, maxlength: "2000" });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); submit(); }
    });
    form.appendChild(input);
    form.appendChild(el("button", { type: "submit", id: "werkbaar-send", "class": "wb-send" }, TEXT.send));
    form.addEventListener("submit", function (event) { event.preventDefault(); submit(); });
    panel.appendChild(form);

    if (MODE === "launcher") {
      launcher = el("button", { type: "button", id: "werkbaar-launcher", "class": "wb-launcher", "aria-label": TEXT.open, "aria-expanded": "false", "aria-controls": "werkbaar-panel" });
      launcher.appendChild(bubbleIcon());
      launcher.addEventListener("click", function () { panel.hidden ? open() : close(); });
      panel.hidden = true;
      panel.addEventListener("keydown", function (event) { if (event.key === "Escape") close(); });
      root.appendChild(launcher);
    }
    root.appendChild(panel);
    var host = MODE === "page" ? (document.getElementById("werkbaar-chat") || document.body) : document.body;
    host.appendChild(root);
  }

  // A speech bubble drawn inline: an emoji shows as an empty box without an emoji font.
  function bubbleIcon() {
    var NS = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(NS, "svg");
    [["viewBox", "0 0 24 24"], ["width", "30"], ["height", "30"], ["aria-hidden", "true"],
     ["focusable", "false"], ["class", "wb-launcher-icon"]].forEach(function (a) { svg.setAttribute(a[0], a[1]); });
    var bubble = document.createElementNS(NS, "path");
    bubble.setAttribute("d", "M5 3h14a3 3 0 0 1 3 3v9a3 3 0 0 1-3 3h-8l-5 4v-4H5a3 3 0 0 1-3-3V6a3 3 0 0 1 3-3z");
    bubble.setAttribute("fill", "currentColor");
    svg.appendChild(bubble);
    [7.5, 12, 16.5].forEach(function (x) {
      var dot = document.createElementNS(NS, "circle");
      dot.setAttribute("cx", String(x));
      dot.setAttribute("cy", "10.5");
      dot.setAttribute("r", "1.5");
      dot.setAttribute("class", "wb-launcher-dot");
      svg.appendChild(dot);
    });
    return svg;
  }

  // -- the summary: print (or save as PDF), download as web page, or as plain text ---------
  function fileLink(content, mime, filename, text, cls) {
    var blob = new Blob([content], { type: mime });
    return el("a", { "class": cls, href: URL.createObjectURL(blob), download: filename }, text);
  }

  function renderDownload(node, entry) {
    var mime = entry.mime || "text/markdown", isHtml = /^text\/html/.test(mime);
    if (isHtml) {
      var button = el("button", { type: "button", "class": "wb-print" }, TEXT.print);
      button.addEventListener("click", function () { printHtml(entry.content, button); });
      node.appendChild(button);
    }
    node.appendChild(fileLink(entry.content, mime, entry.filename || (isHtml ? "samenvatting.html" : "samenvatting.md"), entry.title || TEXT.download, "wb-download"));
    if (entry.markdown) {
      node.appendChild(fileLink(entry.markdown, "text/markdown", entry.markdownFilename || "werkbaar-samenvatting.md", TEXT.downloadText, "wb-download-text"));
    }
  }

  // The page is printed from a hidden iframe (no pop-up to block). It holds no script; a
  // page's Content-Security-Policy also applies inside it and may block its inline <style>,
  // so that CSS is then applied as a constructed stylesheet, which CSP allows.
  var printFrame = null;
  function printHtml(html, button) {
    if (printFrame) printFrame.remove();
    printFrame = el("iframe", { "class": "wb-print-frame", title: TEXT.printFrame, "aria-hidden": "true", tabindex: "-1", sandbox: "allow-same-origin allow-modals" });
    if (!("srcdoc" in printFrame)) {  // very old browsers: open the page, printing is up to the reader
      printFrame = null;
      window.open(URL.createObjectURL(new Blob([html], { type: "text/html" })), "_blank", "noopener");
      return;
    }
    printFrame.addEventListener("load", function () {
      var frame = this.contentWindow;
      if (!frame) return;
      adoptBlockedStyles(frame);
      frame.print();
      if (button) button.focus();
    });
    printFrame.srcdoc = html;
    root.appendChild(printFrame);
  }

  function adoptBlockedStyles(frame) {
    try {
      var doc = frame.document;
      if (doc.styleSheets.length || !("adoptedStyleSheets" in doc) || !frame.CSSStyleSheet) return;
      var css = Array.prototype.map.call(doc.querySelectorAll("style"), function (s) { return s.textContent; }).join("\n");
      if (!css) return;
      var sheet = new frame.CSSStyleSheet();
      sheet.replaceSync(css);
      doc.adoptedStyleSheets = [sheet];
    } catch (e) { /* unstyled, but complete */ }
  }

  // -- rendering -------------------------------------------------------------------------
  function render(entry, index) {
    var node;
    if (entry.kind === "user") {
      node = el("div", { "class": "wb-msg wb-user" });
      appendRichText(node, entry.text);
    } else if (entry.kind === "download") {
      node = el("div", { "class": "wb-msg wb-bot wb-file" });
      renderDownload(node, entry);
    } else {
      node = el("div", { "class": "wb-msg wb-bot" });
      appendRichText(node, entry.text || "");
    }
    logBox.appendChild(node);
    if (entry.buttons && entry.buttons.length) {
      var group = el("div", { "class": "wb-buttons", role: "group" });
      entry.buttons.forEach(function (b) {
        var button = el("button", { type: "button" }, b.title);
        button.disabled = !!entry.used;
        button.addEventListener("click", function () {
          entries[index].used = true;
          store(KEY.log, entries);
          Array.prototype.forEach.call(group.querySelectorAll("button"), function (x) { x.disabled = true; });
          send(b.payload, b.title);
        });
        group.appendChild(button);
      });
      logBox.appendChild(group);
    }
    if (entry.kind === "bot") updateProgress(entry.text || "");
    logBox.scrollTop = logBox.scrollHeight;
  }

  function add(entry) {
    entries.push(entry);
    store(KEY.log, entries);
    render(entry, entries.length - 1);
  }

  function updateProgress(text) {
    var match = /Vraag (\d+) van (\d+)/.exec(text);
    if (match) {
      progress.hidden = false;
      progressText.textContent = "Vraag " + match[1] + " van " + match[2];
      progressBar.max = Number(match[2]);
      progressBar.value = Number(match[1]);
    } else if (/Jouw samenvatting|We beginnen opnieuw|stoppen met de vragen/.test(text)) {
      progress.hidden = true;
    }
  }

  // -- talking to the server ---------------------------------------------------------------
  function setTyping(on) {
    pending += on ? 1 : -1;
    typing.hidden = pending <= 0;
  }

  function send(message, shown) {
    if (shown !== null) add({ kind: "user", text: shown === undefined ? message : shown });
    setTyping(true);
    var controller = window.AbortController ? new AbortController() : null;
    var timer = setTimeout(function () { if (controller) controller.abort(); }, TIMEOUT_MS);
    return fetch(WEBHOOK, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ sender: sender, message: message }),
      signal: controller ? controller.signal : undefined
    }).then(function (response) {
      if (response.status >= 400 && response.status < 500) {
        // The server refused this message (too long, say) and says why, in Dutch:
        // show that; sending the same message again would not help.
        return response.json().catch(function () { return {}; }).then(function (body) {
          showRefusal(body && typeof body.error === "string" ? body.error : TEXT.refused);
          return [];
        });
      }
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.json();
    }).then(function (replies) {
      (replies || []).forEach(function (reply) {
        if (reply.custom && reply.custom.type === "download") {
          var custom = reply.custom;
          add({ kind: "download", title: custom.title, filename: custom.filename, mime: custom.mime_type, content: String(custom.content || ""),
                markdown: custom.markdown ? String(custom.markdown) : undefined, markdownFilename: custom.markdown_filename });
        } else if (reply.text || reply.buttons) {
          add({ kind: "bot", text: reply.text || "", buttons: (reply.buttons || []).map(function (b) { return { title: String(b.title), payload: String(b.payload) }; }) });
        }
      });
    }).catch(function () {
      showError(message);
    }).then(function () {
      clearTimeout(timer);
      setTyping(false);
    });
  }

  function showRefusal(text) {
    var box = el("div", { "class": "wb-msg wb-error", role: "alert" });
    box.appendChild(el("p", {}, text));
    logBox.appendChild(box);
    logBox.scrollTop = logBox.scrollHeight;
  }

  function showError(message) {
    var box = el("div", { "class": "wb-msg wb-error", role: "alert" });
    box.appendChild(el("p", {}, TEXT.offline));
    var retry = el("button", { type: "button" }, TEXT.retry);
    retry.addEventListener("click", function () {
      box.remove();
      send(message, null);
    });
    box.appendChild(retry);
    logBox.appendChild(box);
    logBox.scrollTop = logBox.scrollHeight;
  }

  function submit() {
    var text = input.value.trim();
    if (!text) return;
    input.value = "";
    send(text);
    input.focus();
  }

  function greetIfEmpty() {
    if (!entries.length && !pending) send("/greet", null);
  }

  function open() {
    panel.hidden = false;
    if (launcher) launcher.setAttribute("aria-expanded", "true");
    store(KEY.open, true);
    greetIfEmpty();
    input.focus();
  }

  function close() {
    if (MODE === "page") return;
    panel.hidden = true;
    launcher.setAttribute("aria-expanded", "false");
    store(KEY.open, false);
    launcher.focus();
  }

  function startOver() {
    sender = newId();
    store(KEY.sender, sender);
    entries = [];
    store(KEY.log, entries);
    logBox.textContent = "";
    progress.hidden = true;
    send("/greet", null);
    input.focus();
  }

  function init() {
    injectStyle();
    build();
    entries.forEach(render);
    if (MODE === "page") {
      greetIfEmpty();
    } else if (load(KEY.open, false)) {
      open();
    }
    window.Werkbaar = { open: open, close: close, send: function (text) { return send(text); } };
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
