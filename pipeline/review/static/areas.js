// 公开审 document page: boxes drawn on page images. A drag on a page (mouse, pen or
// touch) boxes an area for removal; the areas are listed in the decision form, each with
// a 删除 button, and sent with it as JSON (page, box in PDF points, label). The page's
// SVG viewBox is the page in points, so the pointer is mapped to points by the SVG's own
// transform and nothing depends on how large the picture is shown.
(function () {
  "use strict";
  const hidden = document.getElementById("areas");
  const list = document.getElementById("area-list");
  const count = document.getElementById("area-count");
  const labels = document.getElementById("area-label");
  const note = document.getElementById("area-note");
  const pages = Array.from(document.querySelectorAll("svg.page-svg.drawable"));
  if (!hidden || !list || !pages.length) return;
  const NS = "http://www.w3.org/2000/svg";
  const MIN_SIDE = 2; // points: smaller is a click, not a drag
  let areas = [];
  try {
    areas = JSON.parse(hidden.value || "[]"); // a returned or refused decision's boxes
  } catch (e) {
    areas = [];
  }
  const nameOf = (label) => {
    const option = labels && labels.querySelector('option[value="' + label + '"]');
    return option ? option.textContent : label;
  };
  const round = (v) => Math.round(v * 100) / 100;

  function rectFor(box, cls) {
    const rect = document.createElementNS(NS, "rect");
    rect.setAttribute("class", cls);
    rect.setAttribute("x", box[0]);
    rect.setAttribute("y", box[1]);
    rect.setAttribute("width", Math.max(0, box[2] - box[0]));
    rect.setAttribute("height", Math.max(0, box[3] - box[1]));
    return rect;
  }

  function render() {
    pages.forEach((svg) => svg.querySelectorAll("rect.area").forEach((r) => r.remove()));
    list.replaceChildren();
    areas.forEach((area, index) => {
      const svg = pages.find((s) => Number(s.dataset.page) === area.page);
      if (svg) svg.appendChild(rectFor(area.box, "area"));
      const li = document.createElement("li");
      const w = Math.round(area.box[2] - area.box[0]);
      const h = Math.round(area.box[3] - area.box[1]);
      li.textContent = "第 " + area.page + " 页：" + nameOf(area.reason || area.label) +
        (area.note ? "：" + area.note : "") + "（框选区域 " + w + "×" + h + " 点） ";
      const remove = document.createElement("button");
      remove.type = "button";
      remove.className = "secondary";
      remove.textContent = "删除";
      remove.setAttribute("aria-label", "删除第 " + area.page + " 页的框选区域 " + (index + 1));
      remove.addEventListener("click", () => {
        areas.splice(index, 1);
        render();
      });
      li.appendChild(remove);
      list.appendChild(li);
    });
    count.textContent = String(areas.length);
    hidden.value = JSON.stringify(areas);
  }

  pages.forEach((svg) => {
    const view = svg.viewBox.baseVal;
    let start = null;
    let drawing = null;
    function point(event) {
      const p = svg.createSVGPoint();
      p.x = event.clientX;
      p.y = event.clientY;
      const q = p.matrixTransform(svg.getScreenCTM().inverse());
      return {
        x: Math.min(view.x + view.width, Math.max(view.x, q.x)),
        y: Math.min(view.y + view.height, Math.max(view.y, q.y)),
      };
    }
    function boxTo(end) {
      return [
        Math.min(start.x, end.x), Math.min(start.y, end.y),
        Math.max(start.x, end.x), Math.max(start.y, end.y),
      ];
    }
    svg.addEventListener("pointerdown", (event) => {
      if (event.button !== 0) return;
      event.preventDefault();
      svg.setPointerCapture(event.pointerId);
      start = point(event);
      drawing = rectFor([start.x, start.y, start.x, start.y], "drawing");
      svg.appendChild(drawing);
    });
    svg.addEventListener("pointermove", (event) => {
      if (!start) return;
      const box = boxTo(point(event));
      drawing.setAttribute("x", box[0]);
      drawing.setAttribute("y", box[1]);
      drawing.setAttribute("width", box[2] - box[0]);
      drawing.setAttribute("height", box[3] - box[1]);
    });
    function finish(event, keep) {
      if (!start) return;
      const box = boxTo(point(event));
      start = null;
      drawing.remove();
      drawing = null;
      if (!keep || box[2] - box[0] < MIN_SIDE || box[3] - box[1] < MIN_SIDE) return;
      areas.push({
        page: Number(svg.dataset.page),
        box: box.map(round),
        label: labels ? labels.value : "PERSON",
        reason: labels ? labels.value : "privacy:PERSON",
        note: labels && labels.value === "other_personal" && note ? note.value.trim() : "",
      });
      render();
    }
    svg.addEventListener("pointerup", (event) => finish(event, true));
    svg.addEventListener("pointercancel", (event) => finish(event, false));
  });
  render();
})();
