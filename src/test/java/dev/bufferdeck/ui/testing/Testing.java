package dev.bufferdeck.ui.testing;

import dev.bufferdeck.ui.main.AppServices;

/** Services for tests: what the app uses, on a fresh repository, with no session on disk. */
public final class Testing {
    private Testing() {}

    public static AppServices standardServices() {
        AppServices s = AppServices.standard();
        return AppFixture.with(s, s.playback(), AppFixture.noSession());
    }
}
