package org.icpengine.server.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.javalin.http.Context;

/**
 * Request bodies with a size limit: a body over the limit answers 413 {@code body_too_large}, whether it declares
 * its length or is sent in chunks (reading stops one byte past the limit); a body that is not JSON answers 400
 * {@code malformed_json} with the parser's position, never the body itself.
 */
public final class Bodies {

    private Bodies() {
    }

    /** The 413 answer for a body over {@code max} bytes. */
    public static ApiException tooLarge(long max) {
        return new ApiException(413, "body_too_large", "the request body is larger than the limit of " + max + " bytes");
    }

    /** The body of a request, at most {@code max} bytes. */
    public static byte[] read(Context ctx, long max) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > max) {
            throw tooLarge(max);
        }
        try (InputStream in = ctx.req().getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 1024);
            byte[] buf = new byte[8192];
            long total = 0;
            int n;
            while ((n = in.read(buf)) >= 0) {
                total += n;
                if (total > max) {
                    throw tooLarge(max);
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the request body", e);
        }
    }

    /** The body parsed as JSON; an empty body or one that is not JSON answers 400. */
    public static JsonNode json(ObjectMapper mapper, Context ctx, long max) {
        byte[] body = read(ctx, max);
        if (body.length == 0) {
            throw new ApiException(400, "malformed_json", "the request body is empty; send a JSON object");
        }
        try {
            JsonNode node = mapper.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new ApiException(400, "malformed_json", "the request body holds no JSON value");
            }
            return node;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new ApiException(400, "malformed_json", "the request body is not valid JSON" + where + ": "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the request body", e);
        }
    }
}
