package dev.paperboy.core.command;

/** The chat platforms Paperboy speaks on. */
public enum Platform {
    CONSOLE, DISCORD, TELEGRAM
}
