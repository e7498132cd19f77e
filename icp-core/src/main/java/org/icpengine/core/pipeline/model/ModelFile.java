package org.icpengine.core.pipeline.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.icpengine.errors.IcpException;
import org.icpengine.errors.InputException;
import org.icpengine.stats.scorecard.Scorecard;
import org.icpengine.stats.scorecard.Tier;

/**
 * A model file {@code out/models/<name>.json} (DESIGN.md "Models are files"): a learned scorecard (criteria
 * read as {@link #features}, bins, WoE, coefficients, points, tiers) or a hand-written one, with its
 * provenance. Immutable; {@link #write}/{@link #read} round-trip it exactly, and a loaded model scores
 * bit-identically to the fitted one.
 *
 * <p>Byte-identity: fitting twice on the same data, configuration and seed writes the same bytes. So that
 * this holds, {@link #createdAt} is the model's logical creation time, the start (UTC) of the as-of date of
 * the data it was fitted on, not the wall clock; {@link #id} is a hash of everything else.
 *
 * @param formatVersion the file format's version, {@value #FORMAT_VERSION}
 * @param id            first 16 hex digits of the SHA-256 of the file's content without {@code id}
 * @param name          the model's name: {@code fit}, {@code conversion}, {@code health}, or a scorecard's
 * @param kind          {@code learned} or {@code hand-written}
 * @param createdAt     logical creation time (see above), ISO-8601
 * @param provenance    data date, seed and fingerprints
 * @param settings      what was asked for: attributes, tier shares, label
 * @param summary       what it was trained on
 * @param features      how a learned model's criteria read an account row, aligned with its criteria; empty
 *                      for hand-written scorecards
 * @param scorecard     the learned scorecard, or {@code null}
 * @param handWritten   the hand-written scorecard, or {@code null}
 * @param tiers         the tiers with their score cut-offs, best first (for learned models, the scorecard's)
 * @param ltvByTier     for {@code fit}: mean LTV of the training customers in each tier (the expected LTV of a
 *                      prospect of that tier; null where a tier has no LTV); empty otherwise
 */
public record ModelFile(int formatVersion, String id, String name, String kind, String createdAt,
                        Provenance provenance, Settings settings, TrainingSummary summary, List<FeatureSpec> features,
                        Scorecard scorecard, HandScorecard handWritten, List<Tier> tiers, Map<String, Double> ltvByTier) {

    /** The format version this code writes. */
    public static final int FORMAT_VERSION = 1;

    /** {@link #kind} of a learned scorecard. */
    public static final String LEARNED = "learned";

    /** {@link #kind} of a hand-written scorecard. */
    public static final String HAND_WRITTEN = "hand-written";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /**
     * What the model was asked to be.
     *
     * @param attributes the attributes (learned) or the columns the conditions read (hand-written)
     * @param tiers      tier name to target share, best first
     * @param label      the label's definition, or empty
     */
    public record Settings(List<String> attributes, Map<String, Double> tiers, String label) {
        /** Copies. */
        public Settings {
            attributes = List.copyOf(attributes);
            tiers = Collections.unmodifiableMap(new LinkedHashMap<>(tiers));
            Objects.requireNonNull(label, "label");
        }
    }

    /** Validates the parts against each other and copies. */
    public ModelFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(summary, "summary");
        features = List.copyOf(features == null ? List.of() : features);
        tiers = List.copyOf(Objects.requireNonNull(tiers, "tiers"));
        ltvByTier = ltvByTier == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(ltvByTier));
        if (formatVersion != FORMAT_VERSION) {
            throw new InputException("model '" + name + "' has format version " + formatVersion + "; this version "
                    + "reads " + FORMAT_VERSION + " (fit it again with 'icp fit')");
        }
        if (LEARNED.equals(kind)) {
            if (scorecard == null || handWritten != null || features.size() != scorecard.criteria().size()) {
                throw new InputException("learned model '" + name + "' needs a scorecard and one feature per criterion");
            }
        } else if (HAND_WRITTEN.equals(kind)) {
            if (handWritten == null || scorecard != null) {
                throw new InputException("hand-written model '" + name + "' needs its criteria and no learned scorecard");
            }
        } else {
            throw new InputException("model '" + name + "': kind must be learned or hand-written, got '" + kind + "'");
        }
    }

    /** Whether this is a learned scorecard. */
    public boolean learned() {
        return LEARNED.equals(kind);
    }

    /** This file with its {@link #id} set from its content. */
    ModelFile withContentId() {
        ModelFile blank = new ModelFile(formatVersion, "", name, kind, createdAt, provenance, settings, summary,
                features, scorecard, handWritten, tiers, ltvByTier);
        String digest = sha256(blank.toJson());
        return new ModelFile(formatVersion, digest.substring(0, 16), name, kind, createdAt, provenance, settings,
                summary, features, scorecard, handWritten, tiers, ltvByTier);
    }

    /** The file's JSON text (UTF-8, indented, a final newline). */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this) + "\n";
        } catch (JsonProcessingException e) {
            throw new IcpException("cannot write model '" + name + "' as JSON: " + e.getMessage(), e);
        }
    }

    /** Parses a model file's JSON text. */
    public static ModelFile fromJson(String json) {
        try {
            return JSON.readValue(json, ModelFile.class);
        } catch (JsonProcessingException e) {
            throw new InputException("not a model file: " + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new InputException("not a valid model file: " + e.getMessage(), e);
        }
    }

    /** Writes {@code <dir>/<name>.json} (replacing it atomically) and returns its path. */
    public Path write(Path dir) {
        Path file = dir.resolve(fileName(name) + ".json");
        writeText(file, toJson());
        return file;
    }

    /** Reads a model file. */
    public static ModelFile read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException("cannot read model file " + file + ": " + e.getMessage(), e);
        }
        try {
            return fromJson(text);
        } catch (InputException e) {
            throw new InputException(file + ": " + e.getMessage(), e);
        }
    }

    /** Every {@code *.json} model in {@code dir}, sorted by file name; empty if the folder does not exist. */
    public static List<ModelFile> readAll(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().map(ModelFile::read).toList();
        } catch (IOException e) {
            throw new InputException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    /** A model name as a safe file name (letters, digits, '-', '_' and '.'; anything else becomes '_'). */
    static String fileName(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** Writes a text file through a temporary file and an atomic move. */
    static void writeText(Path file, String text) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, ".tmp-", ".part");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new InputException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IcpException("SHA-256 is not available: " + e.getMessage(), e);
        }
    }
}
