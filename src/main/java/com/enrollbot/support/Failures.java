package com.enrollbot.support;

import java.util.ArrayList;
import java.util.List;

/**
 * A failure as one log line: each cause's type and message, and where in the bot the innermost one was thrown.
 * Log lines carry no stack traces (they can run to hundreds of lines, and the chat, the log and the audit trail
 * must stay readable and free of whatever a library put into them); the correlation id beside it finds the turn.
 */
public final class Failures {

    private static final int MAX_CAUSES = 5;
    private static final int MAX_MESSAGE = 300;

    private Failures() {
    }

    public static String summary(Throwable failure) {
        List<String> causes = new ArrayList<>();
        Throwable innermost = failure;
        for (Throwable t = failure; t != null && causes.size() < MAX_CAUSES; t = t.getCause() == t ? null : t.getCause()) {
            causes.add(t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + oneLine(t.getMessage())));
            innermost = t;
        }
        String where = "";
        for (StackTraceElement frame : innermost.getStackTrace()) {
            if (frame.getClassName().startsWith("com.enrollbot.")) {
                where = " (at " + frame + ")";
                break;
            }
        }
        return String.join(" <- ", causes) + where;
    }

    private static String oneLine(String message) {
        String line = message.replaceAll("\\p{Cntrl}+", " ").strip();
        return line.length() > MAX_MESSAGE ? line.substring(0, MAX_MESSAGE) + "…" : line;
    }
}
