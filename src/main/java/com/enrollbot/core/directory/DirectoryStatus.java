package com.enrollbot.core.directory;

/** The outcome of a directory's last connection check. */
public enum DirectoryStatus {
    UNCHECKED,
    CONNECTED,
    FAILING
}
