package com.enrollbot.entra;

import com.microsoft.kiota.RequestOption;
import java.time.Instant;
import java.util.Objects;

/** The instant a Graph request must be answered by; Kiota hands request options to OkHttp as request tags. */
record CallDeadline(Instant instant) implements RequestOption {

    CallDeadline {
        Objects.requireNonNull(instant, "instant");
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends RequestOption> Class<T> getType() {
        return (Class<T>) CallDeadline.class;
    }
}
