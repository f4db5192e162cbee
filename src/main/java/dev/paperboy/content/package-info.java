/**
 * Content file formats and the content directory: the seed's text digest format
 * ({@link dev.paperboy.content.SeedTextParser}), JSON digests ({@link dev.paperboy.content.JsonDigestFormat}),
 * JSONL paper dumps ({@link dev.paperboy.content.JsonlPaperFormat}), and
 * {@link dev.paperboy.content.ContentDirectory}, the core's content source reading a directory of such files.
 * All of them report bad content as {@link dev.paperboy.core.ContentProblem}s and never throw for it.
 */
package dev.paperboy.content;
