package org.icpengine.server.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.icpengine.core.workspace.Workspace;
import org.icpengine.errors.InputException;

/**
 * The API keys of a workspace, stored in {@code .icp/api-keys.json} as salted SHA-256 hashes only: a key is shown
 * once, when it is created, and cannot be recovered from the file.
 *
 * <p>A key is {@code icp_} followed by 32 random bytes (from {@link SecureRandom}) in unpadded base64url, so
 * it has 256 bits of entropy; a fast salted hash is therefore enough (no stretching is needed against guessing,
 * and checking a request costs a microsecond). {@link #matches} hashes the presented key with every stored salt and
 * compares with {@link MessageDigest#isEqual}, which takes the same time wherever the bytes differ, and visits
 * every stored key whatever matched.
 *
 * <p>Immutable and thread-safe; {@link #create} writes a new file and does not change loaded instances
 * ({@link KeyFileWatch} re-reads the file when it changes).
 */
public final class ApiKeys {

    /** The file name under the workspace's {@code .icp/} folder. */
    public static final String FILE_NAME = "api-keys.json";

    /** The prefix of every key, so that a key pasted somewhere is recognisable. */
    public static final String PREFIX = "icp_";

    private static final int KEY_BYTES = 32;
    private static final int SALT_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * One stored key.
     *
     * @param id      a short public identifier (the first hex digits of the hash), to tell keys apart
     * @param created when the key was created, ISO-8601 UTC
     * @param salt    base64 of the random salt
     * @param sha256  base64 of SHA-256(salt ‖ UTF-8 key)
     */
    public record Entry(String id, String created, String salt, String sha256) {
        /** Checks that every part is present. */
        public Entry {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(created, "created");
            Objects.requireNonNull(salt, "salt");
            Objects.requireNonNull(sha256, "sha256");
        }
    }

    /**
     * The file's content.
     *
     * @param keys the stored keys, oldest first
     */
    public record KeyFile(List<Entry> keys) {
        /** Copies; {@code null} reads as no key. */
        public KeyFile {
            keys = keys == null ? List.of() : List.copyOf(keys);
        }
    }

    private final List<byte[]> salts;
    private final List<byte[]> hashes;

    private ApiKeys(List<Entry> entries) {
        List<byte[]> s = new ArrayList<>();
        List<byte[]> h = new ArrayList<>();
        for (Entry e : entries) {
            s.add(Base64.getDecoder().decode(e.salt()));
            h.add(Base64.getDecoder().decode(e.sha256()));
        }
        this.salts = List.copyOf(s);
        this.hashes = List.copyOf(h);
    }

    /** The key file of a workspace: {@code .icp/api-keys.json}, beside the store. */
    public static Path file(Workspace workspace) {
        return workspace.storeFile().resolveSibling(FILE_NAME);
    }

    /**
     * The keys stored in {@code file}; none when the file does not exist.
     *
     * @throws InputException if the file cannot be read or is not a key file
     */
    public static ApiKeys load(Path file) {
        return new ApiKeys(read(file).keys());
    }

    /** Whether no key is stored. */
    public boolean isEmpty() {
        return hashes.isEmpty();
    }

    /** Number of stored keys. */
    public int size() {
        return hashes.size();
    }

    /**
     * Whether {@code presented} is one of the stored keys, in time that does not depend on where it differs from
     * them. {@code null} and blank never match.
     */
    public boolean matches(String presented) {
        if (presented == null || presented.isBlank()) {
            return false;
        }
        byte[] key = presented.getBytes(StandardCharsets.UTF_8);
        boolean match = false;
        for (int i = 0; i < hashes.size(); i++) {
            match |= MessageDigest.isEqual(hash(salts.get(i), key), hashes.get(i));
        }
        return match;
    }

    /**
     * Creates a new key, appends its salted hash to {@code file} (created, with owner-only permissions where the
     * file system has them, if absent; replaced atomically) and returns the key: the only time it is visible.
     *
     * @throws InputException if the file cannot be read or written
     */
    public static String create(Path file, Clock clock) {
        byte[] raw = new byte[KEY_BYTES];
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(raw);
        RANDOM.nextBytes(salt);
        String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        byte[] hash = hash(salt, key.getBytes(StandardCharsets.UTF_8));
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            id.append(String.format("%02x", hash[i] & 0xff));
        }
        List<Entry> keys = new ArrayList<>(read(file).keys());
        keys.add(new Entry(id.toString(), Instant.now(clock).toString(), Base64.getEncoder().encodeToString(salt),
                Base64.getEncoder().encodeToString(hash)));
        write(file, new KeyFile(keys));
        return key;
    }

    private static KeyFile read(Path file) {
        if (!Files.exists(file)) {
            return new KeyFile(List.of());
        }
        try {
            return MAPPER.readValue(Files.readString(file, StandardCharsets.UTF_8), KeyFile.class);
        } catch (JsonProcessingException e) {
            throw new InputException(file + " is not an API key file (" + e.getOriginalMessage()
                    + "); delete it and create a key with 'icp serve --new-key'");
        } catch (IOException e) {
            throw new InputException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void write(Path file, KeyFile content) {
        Path dir = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, FILE_NAME, ".tmp");
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(tmp, MAPPER.writeValueAsString(content) + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new InputException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static byte[] hash(byte[] salt, byte[] key) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(salt);
            md.update(key);
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
