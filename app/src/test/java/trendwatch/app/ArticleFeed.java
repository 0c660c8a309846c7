package trendwatch.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drops generated articles into a folder one at a time, at a steady pace, on a background thread, so that the
 * faults a test injects hit the pipeline while articles are still arriving. Every article is unique: its
 * number is in its title and in its text.
 */
final class ArticleFeed {

    private static final List<String> TEXTS = List.of(
            "SpaceX launched another batch of Starlink satellites on a reusable Falcon 9 rocket.",
            "宁德时代宣布固态电池中试线投产，能量密度达到400Wh/kg。",
            "Waymo's robotaxi service now covers the whole of Phoenix, driverless, with lidar on every car.",
            "英伟达发布新一代推理芯片，面向数据中心的AI推理需求。",
            "Unitree's humanoid robot G1 learned to fold laundry from teleoperation data.",
            "国家药监局批准了一款国产创新药，用于治疗晚期肺癌，三期临床试验数据积极。",
            "A quiet article about gardening and the weather this weekend.",
            "地平线的征程芯片装进了更多量产车，支持城市NOA自动驾驶。");

    private final Path folder;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();

    ArticleFeed(Path folder) {
        this.folder = folder;
    }

    /** Articles dropped so far, over all batches. */
    int dropped() {
        return dropped.get();
    }

    /** Starts dropping {@code count} new articles, one every {@code interval}; the future completes after the last. */
    CompletableFuture<Void> drop(int count, Duration interval) {
        return CompletableFuture.runAsync(() -> {
            for (int i = 0; i < count; i++) {
                write(next.getAndIncrement());
                dropped.incrementAndGet();
                pause(interval);
            }
        }, runnable -> new Thread(runnable, "article-feed").start());
    }

    /** Three or four paragraphs from the texts, chosen by the number, plus the number itself. */
    static String article(int n) {
        StringBuilder body = new StringBuilder("# Fault test article " + n + "\n\n");
        int paragraphs = 3 + n % 2;
        for (int p = 0; p < paragraphs; p++) {
            body.append(TEXTS.get((n * 5 + p * 3) % TEXTS.size())).append("\n\n");
        }
        return body.append("Report number ").append(n).append(" ends here.\n").toString();
    }

    /** Written under a name the folder watcher ignores, then renamed, so ingest never sees half a file. */
    private void write(int n) {
        try {
            Path temp = folder.resolve("article-" + n + ".md.tmp");
            Files.writeString(temp, article(n), StandardCharsets.UTF_8);
            Files.move(temp, folder.resolve("article-" + n + ".md"), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The pace of the feed is what this helper is for: a real pause, not a wait for a condition. */
    private static void pause(Duration interval) {
        try {
            Thread.sleep(interval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("article feed interrupted", e);
        }
    }
}
