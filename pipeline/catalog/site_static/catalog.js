// 政府信息公开目录 index: filter the list by words (索引号, 名称, 文号, 内容概述, 主题词),
// 主题分类, 年份, 公开方式 and status. The whole list is in the page, so the site works
// without JavaScript; this only hides rows, reads nothing from the network and so works
// from file:// as well as from any static server. 文号 brackets are matched loosely:
// 〔2024〕, [2024], （2024）, 【2024】 and ［2024］ all find the same document.
(function () {
  "use strict";
  const form = document.getElementById("finder");
  const table = document.getElementById("entries");
  if (!form || !table) return;
  const rows = Array.from(table.querySelectorAll("tbody tr[data-search]"));
  const none = document.getElementById("none");
  const count = document.getElementById("count");
  const words = document.getElementById("q");
  const selects = ["topic", "year", "disclosure", "status"].map((id) => document.getElementById(id));

  const norm = (s) =>
    s.normalize("NFKC").toLowerCase()
      .replace(/[\[(【〔]/g, "〔").replace(/[\])】〕]/g, "〕");
  const haystacks = new Map(rows.map((row) => [row, norm(row.dataset.search)]));
  const total = count ? count.textContent : "";

  function apply() {
    const wanted = norm(words.value).split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const row of rows) {
      const text = haystacks.get(row);
      const match =
        wanted.every((w) => text.includes(w)) &&
        selects.every((s) => !s || !s.value || row.dataset[s.id] === s.value);
      row.hidden = !match;
      if (match) shown += 1;
    }
    if (none) none.hidden = shown > 0;
    const filtered = wanted.length > 0 || selects.some((s) => s && s.value);
    if (count) count.textContent = filtered ? `找到 ${shown} 条，${total}` : total;
  }

  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", (event) => event.preventDefault());
  document.getElementById("clear").addEventListener("click", () => {
    form.reset();
    apply();
    words.focus();
  });
  form.hidden = false;
  apply();  // the browser may have restored the fields (back button)
})();
