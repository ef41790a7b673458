// @ts-check
// A one-line progress bar on stderr, only when it is a terminal.

/**
 * @param {NodeJS.WriteStream} stream
 */
export function progressBar(stream = process.stderr) {
  const on = !!stream.isTTY;
  let shown = false;
  return {
    /**
     * @param {number} done
     * @param {number} total
     * @param {string} label
     */
    tick(done, total, label) {
      if (!on) return;
      const width = 24;
      const full = total ? Math.round((done / total) * width) : 0;
      const room = Math.max(10, (stream.columns || 80) - width - 20);
      stream.write(`\r\x1b[2K[${'#'.repeat(full)}${'-'.repeat(width - full)}] ${done}/${total} ${label.length > room ? '…' + label.slice(-room + 1) : label}`);
      shown = true;
    },
    end() {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}
