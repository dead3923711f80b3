// 公开审 document page: add redactions by selecting text, and link text to findings.
// Offsets are counted in Unicode code points over the text panel's text, which is the
// document text exactly (the runs carry no other text), so they match the server's.
(function () {
  "use strict";
  const text = document.getElementById("doc-text");
  const form = document.getElementById("decide");
  if (!text) return;

  const codePoints = (s) => Array.from(s).length;
  function offsetOf(node, offset) {
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(node, offset);
    return codePoints(range.toString());
  }

  // Hovering or clicking a finding's text shows its entry in the list, and back.
  text.addEventListener("click", (event) => {
    const seg = event.target.closest(".seg[data-findings]");
    if (!seg || !window.getSelection().isCollapsed) return;
    const id = seg.dataset.findings.split(" ")[0];
    const item = document.getElementById("finding-" + id);
    if (!item) return;
    document.querySelectorAll(".finding.focus").forEach((e) => e.classList.remove("focus"));
    item.classList.add("focus");
    item.scrollIntoView({ block: "nearest" });
  });
  document.querySelectorAll(".finding").forEach((item) => {
    item.addEventListener("mouseenter", () => {
      const id = item.dataset.finding;
      text.querySelectorAll(".seg[data-findings]").forEach((seg) => {
        seg.classList.toggle("focus", seg.dataset.findings.split(" ").includes(id));
      });
    });
    item.addEventListener("mouseleave", () => {
      text.querySelectorAll(".seg.focus").forEach((seg) => seg.classList.remove("focus"));
    });
  });

  if (!form) return;

  // A rejected finding's text is shown struck through instead of blacked out (when every
  // finding under it is rejected), so the page shows what the decision will redact.
  function showVerdicts() {
    const rejected = new Set(
      Array.from(document.querySelectorAll('input[name^="verdict-"][value="reject"]:checked'))
        .map((input) => input.name.slice("verdict-".length))
    );
    text.querySelectorAll(".seg[data-findings]").forEach((seg) => {
      const ids = seg.dataset.findings.split(" ");
      seg.classList.toggle("rejected", ids.every((id) => rejected.has(id)));
    });
  }
  document.querySelectorAll('input[name^="verdict-"]').forEach((input) => {
    input.addEventListener("change", showVerdicts);
  });
  showVerdicts();
  const selText = document.getElementById("sel-text");
  const selLabel = document.getElementById("sel-label");
  const selAdd = document.getElementById("sel-add");
  const hidden = document.getElementById("added");
  const list = document.getElementById("added-list");
  const count = document.getElementById("added-count");
  const all = Array.from(text.textContent);
  const added = [];
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
    selAdd.disabled = current === null;
    selText.textContent = current ? all.slice(current.start, current.end).join("") : "（未选中）";
  });

  function render() {
    list.replaceChildren();
    added.forEach((span, index) => {
      const li = document.createElement("li");
      const label = selLabel.querySelector('option[value="' + span.label + '"]');
      li.textContent = (label ? label.textContent : span.label) + "：" + span.text + " ";
      const remove = document.createElement("button");
      remove.type = "button";
      remove.className = "secondary";
      remove.textContent = "移除";
      remove.addEventListener("click", () => { added.splice(index, 1); render(); });
      li.appendChild(remove);
      list.appendChild(li);
    });
    count.textContent = String(added.length);
    hidden.value = JSON.stringify(added.map((s) => ({ start: s.start, end: s.end, label: s.label })));
    mark();
  }

  // The added spans, painted exactly (CSS Custom Highlight API) or, in a browser without
  // it, by the runs they touch.
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
    if (window.CSS && CSS.highlights && window.Highlight) {
      const ranges = added.map((s) => {
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
      seg.classList.toggle("added", added.some((s) => s.start < end && start < s.end));
    });
  }

  selAdd.addEventListener("click", () => {
    if (!current) return;
    added.push({
      start: current.start,
      end: current.end,
      label: selLabel.value,
      text: all.slice(current.start, current.end).join(""),
    });
    window.getSelection().removeAllRanges();
    render();
  });
  render();
})();
