package org.icpengine.server.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.icpengine.core.pipeline.exports.Exports;
import org.icpengine.core.workspace.Workspace;
import org.icpengine.server.internal.ApiException;
import org.icpengine.server.internal.Paging;

import io.javalin.http.Context;

/**
 * {@code GET /api/v1/exports} lists the team exports {@code icp export} wrote to {@code out/exports/*.csv};
 * {@code GET /api/v1/exports/{name}} answers one of them (by its file name without {@code .csv}) as JSON rows of
 * text cells, a page at a time ({@link Paging}). Only names from the folder's listing are served, so a path in
 * {@code name} can never reach another file.
 */
public final class ExportsController {

    private static final String CSV = ".csv";

    private final Workspace workspace;

    /** A controller over a workspace's {@code out/exports/}. */
    public ExportsController(Workspace workspace) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
    }

    /** Handles {@code GET /api/v1/exports}. */
    public void list(Context ctx) {
        List<Map<String, Object>> files = new ArrayList<>();
        for (Path p : files()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("name", name(p));
            f.put("file", p.getFileName().toString());
            f.put("bytes", size(p));
            files.add(f);
        }
        ctx.json(Map.of("exports", files));
    }

    /** Handles {@code GET /api/v1/exports/{name}}. */
    public void one(Context ctx) {
        String wanted = ctx.pathParam("name");
        Paging page = Paging.of(ctx);
        List<Path> all = files();
        Path file = all.stream().filter(p -> name(p).equals(wanted)).findFirst().orElseThrow(() ->
                ApiException.notFound("no export named '" + wanted + "'; exports: "
                        + String.join(", ", all.stream().map(ExportsController::name).toList())));
        List<List<String>> records;
        try {
            records = CsvRows.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        List<String> header = records.isEmpty() ? List.of() : records.get(0);
        int total = Math.max(0, records.size() - 1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = page.from(total); i < page.to(total); i++) {
            List<String> r = records.get(i + 1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                row.put(header.get(c), c < r.size() ? r.get(c) : null);
            }
            rows.add(row);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", wanted);
        out.put("total", total);
        out.put("limit", page.limit());
        out.put("offset", page.offset());
        out.put("columns", header);
        out.put("rows", rows);
        ctx.json(out);
    }

    private List<Path> files() {
        Path dir = workspace.outDir().resolve(Exports.DIR);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(CSV) && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static String name(Path p) {
        String f = p.getFileName().toString();
        return f.substring(0, f.length() - CSV.length());
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p, e);
        }
    }
}
