// Fits <iframe>s that show Backprop Explorer's embed.html to their content. embed.html posts
// { source: 'backprop-explorer', type: 'resize', id, height } to its parent whenever its height
// changes; this sets the height of the iframe that sent it. A classic script with no inline
// part, so the parent page may run it under `script-src 'self'`:
//
//   <script defer src="iframe-resize.js"></script>
//   <iframe src="embed.html?preset=seed002" title="Backprop Explorer" width="100%"></iframe>
(function () {
  'use strict';
  if (window.backpropExplorerIframeResize) return;
  window.backpropExplorerIframeResize = true;
  window.addEventListener('message', function (event) {
    var m = event.data;
    if (!m || m.source !== 'backprop-explorer' || m.type !== 'resize' || typeof m.height !== 'number') return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.max(0, Math.ceil(m.height)) + 'px';
      }
    }
  });
})();
