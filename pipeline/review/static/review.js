// 公开审 document page: one decision per value, the text painted as the copy will be,
// redactions added by selecting text, and the keyboard (J/K, A/R, Ctrl+Enter).
// Offsets are counted in Unicode code points over the text panel's text, which is the
// document text exactly (the runs carry no other text), so they match the server's.
(function () {
  "use strict";
  const text = document.getElementById("doc-text");
  const form = document.getElementById("decide");

  // The 区分处理说明's 打印 button (the page's CSP allows no inline script).
  const printer = document.getElementById("print");
  if (printer) printer.addEventListener("click", () => window.print());

  // Who else has this document open: the page says it is here every half minute (and
  // goodbye when it closes); the answer names the others ("张三 也在看这份文档").
  const here = document.getElementById("presence");
  if (here && here.dataset.beat) {
    const beat = (leaving) => {
      const body = new FormData();
      body.append("csrf", here.dataset.csrf);
      if (leaving) {
        body.append("leaving", "1");
        navigator.sendBeacon(here.dataset.beat, body);
        return;
      }
      fetch(here.dataset.beat, { method: "POST", body: body, credentials: "same-origin" })
        .then((response) => (response.ok ? response.json() : null))
        .then((answer) => {
          if (!answer) return;
          here.textContent = answer.line;
          here.hidden = !answer.line;
        })
        .catch(() => {});
    };
    beat(false);
    setInterval(() => beat(false), 30000);
    window.addEventListener("pagehide", () => beat(true));
  }

  // A save lost to someone else's (409): the page shows the unsaved decision; this
  // browser keeps it, so it can be put back into the form once the document is open to
  // decide again (after a 退回).
  const lost = document.getElementById("unsaved");
  if (lost && lost.dataset.draft) {
    try {
      localStorage.setItem("triage-unsaved-" + lost.dataset.key, lost.dataset.draft);
    } catch (e) { /* storage off: the panel still shows it */ }
  }

  if (!text) return;

  const codePoints = (s) => Array.from(s).length;
  function offsetOf(node, offset) {
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(node, offset);
    return codePoints(range.toString());
  }
  const items = Array.from(document.querySelectorAll(".finding"));
  const segsOf = (group) =>
    text.querySelectorAll('.seg[data-groups~="' + group + '"]');

  function focusItem(item) {
    items.forEach((e) => e.classList.remove("focus"));
    text.querySelectorAll(".seg.focus").forEach((seg) => seg.classList.remove("focus"));
    if (!item) return;
    item.classList.add("focus");
    item.focus({ preventScroll: true });
    item.scrollIntoView({ block: "nearest" });
    segsOf(item.dataset.group).forEach((seg) => seg.classList.add("focus"));
    const first = segsOf(item.dataset.group)[0];
    if (first) first.scrollIntoView({ block: "nearest" });
  }

  // Clicking a finding's text shows its entry in the list; hovering an entry, its text.
  text.addEventListener("click", (event) => {
    const seg = event.target.closest(".seg[data-groups]");
    if (!seg || !window.getSelection().isCollapsed) return;
    const group = seg.dataset.groups.split(" ")[0];
    focusItem(items.find((item) => item.dataset.group === group));
  });
  items.forEach((item) => {
    item.addEventListener("mouseenter", () => {
      segsOf(item.dataset.group).forEach((seg) => seg.classList.add("hover"));
    });
    item.addEventListener("mouseleave", () => {
      text.querySelectorAll(".seg.hover").forEach((seg) => seg.classList.remove("hover"));
    });
  });

  if (!form) return;

  // The text as the copy will be: a value proposed for removal is blacked out at every
  // occurrence unless its entry says 不同意 (then struck through, kept); the copies
  // remove values wherever they occur, so the page does the same.
  const proposed = new Set(
    items.filter((item) => item.dataset.proposed === "1").map((item) => item.dataset.group)
  );
  function showVerdicts() {
    const rejected = new Set(
      Array.from(form.ownerDocument.querySelectorAll('input[name^="verdict-"][value="reject"]:checked'))
        .map((input) => input.dataset.group)
    );
    text.querySelectorAll(".seg").forEach((seg) => {
      const groups = (seg.dataset.groups || "").split(" ").filter((g) => proposed.has(g));
      const removed = groups.length
        ? groups.some((g) => !rejected.has(g))
        : seg.dataset.cut === "1";
      seg.classList.toggle("redacted", removed);
      seg.classList.toggle("rejected", !removed && groups.length > 0);
    });
  }
  document.querySelectorAll('input[name^="verdict-"]').forEach((input) => {
    input.addEventListener("change", showVerdicts);
  });
  showVerdicts();

  // 删除理由: 其他个人信息 needs a label the reviewer writes (准考证号, 健康状况 …); its
  // field shows only when that reason is chosen.
  document.querySelectorAll("select.reason-choice").forEach((select) => {
    const note = select.closest(".reason").querySelector(".reason-note");
    select.addEventListener("change", () => {
      note.hidden = select.value !== "other_personal";
      if (!note.hidden) note.querySelector("input").focus();
    });
  });

  const selText = document.getElementById("sel-text");
  const selLabel = document.getElementById("sel-label");
  const selNote = document.getElementById("sel-note");
  if (selLabel && selNote) {
    selLabel.addEventListener("change", () => { selNote.hidden = selLabel.value !== "other_personal"; });
  }
  const selAdd = document.getElementById("sel-add");
  const hidden = document.getElementById("added");
  const list = document.getElementById("added-list");
  const count = document.getElementById("added-count");
  const all = Array.from(text.textContent);
  const whole = all.join("");
  let added = [];
  try {
    added = JSON.parse(hidden.value || "[]"); // a returned decision's spans, filled in again
  } catch (e) {
    added = [];
  }
  added.forEach((s) => { if (!s.text) s.text = all.slice(s.start, s.end).join(""); });
  let current = null;

  function selectionSpan() {
    const sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
    const range = sel.getRangeAt(0);
    if (!text.contains(range.startContainer) || !text.contains(range.endContainer)) return null;
    let start = offsetOf(range.startContainer, range.startOffset);
    let end = offsetOf(range.endContainer, range.endOffset);
    // Trim whitespace the mouse picked up at either end.
    while (start < end && /\s/.test(all[start])) start++;
    while (end > start && /\s/.test(all[end - 1])) end--;
    return end > start ? { start: start, end: end } : null;
  }

  document.addEventListener("selectionchange", () => {
    current = selectionSpan();
    if (selAdd) selAdd.disabled = current === null;
    if (selText) selText.textContent = current ? all.slice(current.start, current.end).join("") : "（未选中）";
  });

  // Every place a value occurs (code points), as the copies remove it.
  function places(value) {
    const out = [];
    if (!value) return out;
    let at = whole.indexOf(value);
    while (at >= 0) {
      const start = codePoints(whole.slice(0, at));
      out.push({ start: start, end: start + codePoints(value) });
      at = whole.indexOf(value, at + value.length);
    }
    return out;
  }

  function render() {
    list.replaceChildren();
    added.forEach((span, index) => {
      const li = document.createElement("li");
      const choice = span.reason || span.label;
      const label = selLabel && selLabel.querySelector('option[value="' + choice + '"]');
      const n = places(span.text).length;
      li.textContent = (label ? label.textContent : choice) + (span.note ? "：" + span.note : "") +
        " — " + span.text + (n > 1 ? "（" + n + " 处）" : "") + (span.carried ? "（沿用上一版）" : "") + " ";
      const remove = document.createElement("button");
      remove.type = "button";
      remove.className = "secondary";
      remove.textContent = "移除";
      remove.addEventListener("click", () => { added.splice(index, 1); render(); });
      li.appendChild(remove);
      list.appendChild(li);
    });
    count.textContent = String(added.length);
    hidden.value = JSON.stringify(added.map((s) => ({
      start: s.start, end: s.end, label: s.reason || s.label, note: s.note || "",
    })));
    mark();
  }

  // The added values, painted at every occurrence: exactly (CSS Custom Highlight API) or,
  // in a browser without it, by the runs they touch.
  function pointAt(cp) {
    const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
    let seen = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const chars = Array.from(node.data);
      if (cp <= seen + chars.length) {
        return [node, chars.slice(0, cp - seen).join("").length];
      }
      seen += chars.length;
    }
    return [text, text.childNodes.length];
  }
  function mark() {
    const spans = added.flatMap((s) => places(s.text).concat([{ start: s.start, end: s.end }]));
    if (window.CSS && CSS.highlights && window.Highlight) {
      const ranges = spans.map((s) => {
        const range = document.createRange();
        range.setStart(...pointAt(s.start));
        range.setEnd(...pointAt(s.end));
        return range;
      });
      CSS.highlights.set("added", new Highlight(...ranges));
      return;
    }
    text.querySelectorAll(".seg").forEach((seg) => {
      const start = Number(seg.dataset.start);
      const end = start + codePoints(seg.textContent);
      seg.classList.toggle("added", spans.some((s) => s.start < end && start < s.end));
    });
  }

  if (selAdd) {
    selAdd.addEventListener("click", () => {
      if (!current) return;
      const other = selLabel.value === "other_personal";
      if (other && selNote && !selNote.value.trim()) {
        selNote.hidden = false;
        selNote.focus();
        return; // 其他个人信息 needs its label first
      }
      added.push({
        start: current.start,
        end: current.end,
        label: selLabel.value,
        reason: selLabel.value,
        note: other && selNote ? selNote.value.trim() : "",
        text: all.slice(current.start, current.end).join(""),
      });
      window.getSelection().removeAllRanges();
      render();
    });
  }
  render();

  // The decision this user lost to a 409, if this browser kept one: one click puts it
  // back (verdicts, spans added, attribute, comment); submitting forgets it.
  const restore = document.getElementById("restore-draft");
  const draftKey = "triage-unsaved-" + form.dataset.key;
  let draft = null;
  try {
    draft = JSON.parse(localStorage.getItem(draftKey) || "null");
  } catch (e) {
    draft = null;
  }
  if (restore && draft && !lost) {
    restore.hidden = false;
    restore.addEventListener("click", () => {
      Object.entries(draft.verdicts || {}).forEach(([key, value]) => {
        const input = document.querySelector('input[name="verdict-' + key + '"][value="' + value + '"]');
        if (input) input.checked = true;
      });
      showVerdicts();
      added = (draft.added || []).map((s) => ({
        start: s.start, end: s.end, label: s.label, reason: s.reason, note: s.note,
        text: all.slice(s.start, s.end).join(""),
      }));
      render();
      if (draft.attribute) document.getElementById("attribute").value = draft.attribute;
      document.getElementById("comment").value = draft.comment || "";
      localStorage.removeItem(draftKey);
      restore.hidden = true;
    });
  }
  form.addEventListener("submit", () => {
    try { localStorage.removeItem(draftKey); } catch (e) { /* nothing kept */ }
  });

  // The keyboard: J/K next/previous entry, A 同意, R 不同意, Ctrl+Enter submit (the
  // server then opens the next document in the queue).
  let at = -1;
  document.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.requestSubmit();
      return;
    }
    const target = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (target.closest && target.closest("input[type=text], input:not([type]), textarea, select")) return;
    const key = event.key.toLowerCase();
    if ((key === "j" || key === "k") && items.length) {
      event.preventDefault();
      const now = items.findIndex((item) => item.classList.contains("focus"));
      at = now >= 0 ? now : at;
      at = key === "j" ? Math.min(items.length - 1, at + 1) : Math.max(0, at - 1);
      focusItem(items[at]);
    } else if ((key === "a" || key === "r") && items.length) {
      const item = items.find((e) => e.classList.contains("focus"));
      if (!item) return;
      event.preventDefault();
      const input = item.querySelector('input[value="' + (key === "a" ? "accept" : "reject") + '"]');
      if (input) {
        input.checked = true;
        input.dispatchEvent(new Event("change", { bubbles: true }));
      }
    }
  });
})();
