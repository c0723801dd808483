package io.mrtck.reference.nson;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import oracle.nosql.driver.Nson;
import oracle.nosql.driver.util.ByteInputStream;
import oracle.nosql.driver.util.NettyByteInputStream;
import oracle.nosql.driver.util.NettyByteOutputStream;
import oracle.nosql.driver.values.FieldValue;
import oracle.nosql.driver.values.MapValue;

/**
 * The one place that touches the SDK's NSON classes ({@code oracle.nosql.driver.Nson} is
 * marked hidden in its javadoc): everything else encodes and decodes through here, so the
 * codec can be replaced without touching its callers.
 */
public final class NsonCodec {

    private NsonCodec() {
    }

    public static byte[] encode(FieldValue value) {
        return write(256, out -> Nson.writeFieldValue(out, value));
    }

    public static FieldValue decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length);
    }

    /** Decodes one value; throws {@link IOException} on a truncated or garbled encoding. */
    public static FieldValue decode(byte[] bytes, int offset, int length) {
        ByteBuf buf = Unpooled.wrappedBuffer(bytes, offset, length);
        try (NettyByteInputStream in = new NettyByteInputStream(buf)) {
            return Nson.readFieldValue(in);
        } catch (IOException | RuntimeException e) {
            throw new MalformedNsonException("malformed NSON value: " + e.getMessage(), e);
        }
    }

    /**
     * Decodes one value that must be a MAP (a request envelope). Throws
     * {@link MalformedNsonException} when it is not readable or not a map.
     */
    public static MapValue decodeMap(byte[] bytes, int offset, int length) {
        if (length <= 0) {
            throw new MalformedNsonException("empty NSON body", null);
        }
        FieldValue v = decode(bytes, offset, length);
        if (!(v instanceof MapValue m)) {
            throw new MalformedNsonException("NSON body must be a MAP, found " + v.getType(), null);
        }
        return m;
    }

    /**
     * The pre-NSON (V2/V3) error body: one byte error code, then the message as the SDK's
     * packed-length string. Lets an old client recognise UNSUPPORTED_PROTOCOL.
     */
    public static byte[] encodeLegacyError(int code, String message) {
        return write(16 + message.length(), out -> {
            out.writeByte(code);
            Nson.writeString(out, message);
        });
    }

    private interface Writer {
        void writeTo(NettyByteOutputStream out) throws IOException;
    }

    private static byte[] write(int initialCapacity, Writer writer) {
        ByteBuf buf = Unpooled.buffer(initialCapacity);
        try (NettyByteOutputStream out = new NettyByteOutputStream(buf)) {
            writer.writeTo(out);
            byte[] bytes = new byte[buf.readableBytes()];
            buf.getBytes(buf.readerIndex(), bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            buf.release();
        }
    }

    /** Reads the message of {@link #encodeLegacyError} (for tests). */
    public static String decodeLegacyMessage(byte[] bytes) {
        ByteBuf buf = Unpooled.wrappedBuffer(bytes, 1, bytes.length - 1);
        try (NettyByteInputStream in = new NettyByteInputStream(buf)) {
            return Nson.readString(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one value from a stream positioned at its type byte. */
    public static FieldValue read(ByteInputStream in) {
        try {
            return Nson.readFieldValue(in);
        } catch (IOException | RuntimeException e) {
            throw new MalformedNsonException("malformed NSON value: " + e.getMessage(), e);
        }
    }

    /** An encoding that cannot be read: truncated, a bad type byte, a wrong size. */
    public static final class MalformedNsonException extends RuntimeException {
        public MalformedNsonException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
