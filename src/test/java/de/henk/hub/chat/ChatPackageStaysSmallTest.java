package de.henk.hub.chat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10's shape of the conversation's code, kept: beans with one job each — no source file in {@code chat/} over
 * 250 lines, no bean constructor with more than 6 collaborators. A class that grows past it is split, not waved
 * through.
 */
class ChatPackageStaysSmallTest {

    private static final Path CHAT = Path.of("src/main/java/de/henk/hub/chat");
    private static final int MAX_LINES = 250;
    private static final int MAX_COLLABORATORS = 6;

    @Test
    void noSourceFileIsLongerThan250Lines() throws IOException {
        List<String> tooLong = new ArrayList<>();
        try (Stream<Path> files = Files.walk(CHAT)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                long lines = Files.readAllLines(file).size();
                if (lines > MAX_LINES) {
                    tooLong.add(CHAT.relativize(file) + ": " + lines + " lines");
                }
            }
        }
        assertThat(tooLong).isEmpty();
    }

    @Test
    void noBeanTakesMoreThanSixCollaborators() throws Exception {
        List<String> crowded = new ArrayList<>();
        try (Stream<Path> files = Files.walk(CHAT)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String name = CHAT.relativize(file).toString().replace('/', '.').replaceAll("\\.java$", "");
                Class<?> type = Class.forName("de.henk.hub.chat." + name);
                if (type.isAnnotationPresent(org.springframework.stereotype.Component.class)
                        || type.isAnnotationPresent(org.springframework.stereotype.Service.class)) {
                    for (Constructor<?> constructor : type.getConstructors()) {
                        if (constructor.getParameterCount() > MAX_COLLABORATORS) {
                            crowded.add(type.getSimpleName() + ": " + constructor.getParameterCount());
                        }
                    }
                }
            }
        }
        assertThat(crowded).isEmpty();
    }
}
