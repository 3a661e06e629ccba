// Upload progress for large workbooks: htmx fires htmx:xhr:progress while sending.
(function () {
  var form = document.getElementById("upload-form");
  if (!form) return;
  var bar = document.getElementById("upload-progress");
  var status = document.getElementById("upload-status");
  form.addEventListener("htmx:xhr:progress", function (evt) {
    if (!evt.detail.lengthComputable) return;
    bar.classList.remove("d-none");
    var pct = Math.round((evt.detail.loaded / evt.detail.total) * 100);
    bar.value = pct;
    status.textContent = pct < 100 ? "正在上传：" + pct + "%" : "上传完成，正在校验和导入，请稍候……";
  });
  form.addEventListener("htmx:afterRequest", function () {
    bar.classList.add("d-none");
    status.textContent = "";
  });
  // Show the error table for 400/422 answers too (htmx swaps only 2xx by default).
  document.body.addEventListener("htmx:beforeSwap", function (evt) {
    if (evt.detail.xhr.status === 400 || evt.detail.xhr.status === 422) {
      evt.detail.shouldSwap = true;
      evt.detail.isError = false;
    }
  });
})();
