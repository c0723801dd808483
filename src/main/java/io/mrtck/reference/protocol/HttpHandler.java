package io.mrtck.reference.protocol;

import static oracle.nosql.driver.util.HttpConstants.NOSQL_DATA_PATH;
import static oracle.nosql.driver.util.HttpConstants.REQUEST_ID_HEADER;
import static oracle.nosql.driver.util.HttpConstants.SERVER_SERIAL_VERSION;
import static oracle.nosql.driver.util.HttpConstants.SERVER_VERSION;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.mrtck.reference.ErrorCode;
import io.mrtck.reference.admin.AdminCommands;
import io.mrtck.reference.admin.AdminException;
import io.mrtck.reference.agent.AgentEndpoint;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;

/**
 * One connection's request handling: checks the path and method, answers a row operation
 * on the I/O thread and hands anything else (DDL, queries, admin and agent calls, which may
 * run long or wait) to the worker pool, and writes the answer with the headers the SDK needs
 * (the echoed {@code x-nosql-request-id}, without which the SDK drops the response).
 */
final class HttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    /** What we answer in {@code x-nosql-version}. */
    static final String SERVER_VERSION_VALUE = "mrtck-reference-0.1.0";

    private static final Logger LOG = Logger.getLogger(HttpHandler.class.getName());

    /** Where the region's admin commands are served (mrtck's own path, not the proxy's). */
    static final String ADMIN_PATH = "/mrtck/admin";

    private final RequestDispatcher dispatcher;
    private final AdminCommands admin;
    private final AgentEndpoint agentApi;
    private final ExecutorService workers;
    /** The last request of this connection handed to the workers (touched on the event loop only). */
    private CompletableFuture<Void> previous = CompletableFuture.completedFuture(null);

    HttpHandler(RequestDispatcher dispatcher, AdminCommands admin, AgentEndpoint agentApi, ExecutorService workers) {
        this.dispatcher = dispatcher;
        this.admin = admin;
        this.agentApi = agentApi;
        this.workers = workers;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        boolean keepAlive = HttpUtil.isKeepAlive(req);
        String requestId = requestId(req);
        if (!req.decoderResult().isSuccess()) {
            writeText(ctx, requestId, HttpResponseStatus.BAD_REQUEST, "malformed HTTP request: "
                + req.decoderResult().cause(), false);
            return;
        }
        String path = pathOf(req.uri());
        if (admin != null && path.equals(ADMIN_PATH)) {
            handleAdmin(ctx, req, requestId, keepAlive);
            return;
        }
        if (agentApi != null && path.equals(AgentEndpoint.PATH) && HttpMethod.POST.equals(req.method())) {
            handleAgent(ctx, ByteBufUtil.getBytes(req.content()), requestId, keepAlive);
            return;
        }
        if (!path.equals("/" + NOSQL_DATA_PATH) && !path.equals(NOSQL_DATA_PATH)) {
            writeText(ctx, requestId, HttpResponseStatus.NOT_FOUND, "no such resource: " + req.uri()
                + " (the NoSQL data endpoint is POST /" + NOSQL_DATA_PATH + ")", keepAlive);
            return;
        }
        if (!HttpMethod.POST.equals(req.method())) {
            writeText(ctx, requestId, HttpResponseStatus.METHOD_NOT_ALLOWED, "use POST for /"
                + NOSQL_DATA_PATH, keepAlive);
            return;
        }
        RequestDispatcher.Decoded request = dispatcher.decode(ByteBufUtil.getBytes(req.content()));
        if (request.rowOperation() && previous.isDone()) {
            // A row operation is one short store transaction: answered here, on the I/O thread,
            // it costs no hand-off to a worker and back (two thread wake-ups per request).
            write(ctx, answer(request), requestId, keepAlive);
            return;
        }
        Runnable task = () -> write(ctx, answer(request), requestId, keepAlive);
        // one request of a connection at a time, in arrival order (HTTP/1.1 pipelining)
        previous = previous.handle((v, e) -> null).thenRunAsync(task, workers)
            .exceptionally(e -> {
                Throwable cause = e instanceof java.util.concurrent.CompletionException
                    && e.getCause() != null ? e.getCause() : e;
                if (cause instanceof java.util.concurrent.RejectedExecutionException) {
                    write(ctx, Response.error(ErrorCode.SERVICE_UNAVAILABLE,
                        "region is shutting down").encode(), requestId, false);
                } else {
                    LOG.log(Level.WARNING, "could not answer a request", cause);
                    ctx.close();
                }
                return null;
            });
    }

    private byte[] answer(RequestDispatcher.Decoded request) {
        try {
            return dispatcher.answer(request);
        } catch (Throwable t) { // the dispatcher does not throw; belt and braces
            LOG.log(Level.WARNING, "request failed", t);
            return Response.error(ErrorCode.UNKNOWN_ERROR, "internal error: " + t).encode();
        }
    }

    /** The body is one admin command line; 200 with its output, 400 with the admin's refusal. */
    private void handleAdmin(ChannelHandlerContext ctx, FullHttpRequest req, String requestId, boolean keepAlive) {
        if (!HttpMethod.POST.equals(req.method())) {
            writeText(ctx, requestId, HttpResponseStatus.METHOD_NOT_ALLOWED, "use POST for " + ADMIN_PATH
                + " with the command line as the body", keepAlive);
            return;
        }
        String commandLine = req.content().toString(StandardCharsets.UTF_8);
        Runnable task = () -> {
            HttpResponseStatus status;
            String text;
            try {
                text = admin.execute(commandLine);
                status = HttpResponseStatus.OK;
            } catch (AdminException e) {
                text = e.getMessage();
                status = HttpResponseStatus.BAD_REQUEST;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "admin command failed: " + commandLine, e);
                text = "internal error running '" + commandLine + "': " + e;
                status = HttpResponseStatus.INTERNAL_SERVER_ERROR;
            }
            if (ctx.channel().isActive()) {
                writeText(ctx, requestId, status, text, keepAlive);
            }
        };
        // in arrival order with the connection's other requests, off the event loop (the store may block)
        previous = previous.handle((v, e) -> null).thenRunAsync(task, workers)
            .exceptionally(e -> {
                ctx.close();
                return null;
            });
    }

    /** An XRegion agent in another process; a store failure is a 500 with its text (the agent retries). */
    private void handleAgent(ChannelHandlerContext ctx, byte[] body, String requestId, boolean keepAlive) {
        Runnable task = () -> {
            byte[] answer;
            try {
                answer = agentApi.handle(body);
            } catch (Exception e) {
                if (ctx.channel().isActive()) {
                    writeText(ctx, requestId, HttpResponseStatus.INTERNAL_SERVER_ERROR, e.toString(), keepAlive);
                }
                return;
            }
            if (ctx.channel().isActive()) {
                FullHttpResponse resp = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                    Unpooled.wrappedBuffer(answer));
                resp.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_OCTET_STREAM);
                resp.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, answer.length);
                var f = ctx.writeAndFlush(resp);
                if (!keepAlive) {
                    f.addListener(ChannelFutureListener.CLOSE);
                }
            }
        };
        previous = previous.handle((v, e) -> null).thenRunAsync(task, workers)
            .exceptionally(e -> {
                ctx.close();
                return null;
            });
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // a reset connection or a bad frame only ends this connection
        LOG.log(Level.FINE, "connection error, closing " + ctx.channel(), cause);
        ctx.close();
    }

    private static void write(ChannelHandlerContext ctx, byte[] body, String requestId,
                              boolean keepAlive) {
        if (!ctx.channel().isActive()) {
            return; // the client went away; nothing to answer
        }
        var f = ctx.writeAndFlush(okResponse(body, requestId, keepAlive));
        if (!keepAlive) {
            f.addListener(ChannelFutureListener.CLOSE);
        }
    }

    static FullHttpResponse okResponse(byte[] body, String requestId, boolean keepAlive) {
        FullHttpResponse resp = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
            HttpResponseStatus.OK, Unpooled.wrappedBuffer(body));
        var h = resp.headers();
        h.set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_OCTET_STREAM);
        h.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        if (requestId != null) {
            h.set(REQUEST_ID_HEADER, requestId);
        }
        h.set(SERVER_SERIAL_VERSION, Short.toString(RequestDispatcher.SERIAL_VERSION));
        h.set(SERVER_VERSION, SERVER_VERSION_VALUE);
        h.set(HttpHeaderNames.CONNECTION, keepAlive ? HttpHeaderValues.KEEP_ALIVE
            : HttpHeaderValues.CLOSE);
        return resp;
    }

    private static void writeText(ChannelHandlerContext ctx, String requestId,
                                  HttpResponseStatus status, String text, boolean keepAlive) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        FullHttpResponse resp = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
            Unpooled.wrappedBuffer(body));
        resp.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=UTF-8");
        if (requestId != null) {
            resp.headers().set(REQUEST_ID_HEADER, requestId);
        }
        resp.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        resp.headers().set(HttpHeaderNames.CONNECTION, keepAlive ? HttpHeaderValues.KEEP_ALIVE
            : HttpHeaderValues.CLOSE);
        var f = ctx.writeAndFlush(resp);
        if (!keepAlive) {
            f.addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** The path of an origin-form ({@code /V2/...}) or absolute-form ({@code http://h:p/V2/...}) target. */
    static String pathOf(String uri) {
        String path = uri;
        int scheme = path.indexOf("://");
        if (scheme >= 0) {
            int slash = path.indexOf('/', scheme + 3);
            path = slash < 0 ? "/" : path.substring(slash);
        }
        int q = path.indexOf('?');
        return q < 0 ? path : path.substring(0, q);
    }

    static String requestId(HttpMessage msg) {
        return msg.headers().get(REQUEST_ID_HEADER);
    }
}
