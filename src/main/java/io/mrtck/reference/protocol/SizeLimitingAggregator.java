package io.mrtck.reference.protocol;

import io.mrtck.reference.ErrorCode;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpUtil;

/**
 * Aggregates a request body up to the region's request-size limit. An oversized request is
 * answered like any other error: HTTP 200 with an NSON REQUEST_SIZE_LIMIT_EXCEEDED map and
 * the request id echoed, so the SDK raises RequestSizeLimitException instead of timing out.
 */
final class SizeLimitingAggregator extends HttpObjectAggregator {
    private final int maxBytes;

    SizeLimitingAggregator(int maxBytes) {
        super(maxBytes);
        this.maxBytes = maxBytes;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        String requestId = HttpHandler.requestId(oversized);
        boolean keepAlive = HttpUtil.isKeepAlive(oversized) && !(oversized instanceof FullHttpMessage);
        byte[] body = Response.error(ErrorCode.REQUEST_SIZE_LIMIT_EXCEEDED,
            "Request size exceeds the limit of " + maxBytes + " bytes").encode();
        // the aggregator releases {@code oversized} itself after this returns
        var future = ctx.writeAndFlush(HttpHandler.okResponse(body, requestId, keepAlive));
        if (!keepAlive) {
            future.addListener(ChannelFutureListener.CLOSE);
        }
    }
}
