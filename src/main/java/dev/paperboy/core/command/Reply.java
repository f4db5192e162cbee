package dev.paperboy.core.command;

/**
 * What a command answers, independent of any chat platform. Each adapter renders these within its
 * platform's limits.
 */
public sealed interface Reply permits TextReply, SearchReply, DigestReply, PaperReply, ErrorReply {
}
