/**
 * Platform-free helpers the Discord, Telegram and console renderers share: shortening and splitting
 * plain text at sentence and word boundaries, packing rendered papers into messages, and formatting
 * author lists and search snippets. Renderers shorten plain text first and add markup afterwards, so
 * markup is never cut in half.
 */
package dev.paperboy.core.render;
