// @ts-check

/**
 * Text for HTML and SVG, in content and in quoted attributes.
 * @param {unknown} s
 */
export const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
