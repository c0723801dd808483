package io.mrtck.reference.protocol;

import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.mrtck.reference.admin.AdminCommands;
import io.mrtck.reference.agent.AgentEndpoint;
import io.mrtck.reference.data.Limits;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;

/**
 * The region's HTTP/1.1 endpoint: {@code POST /V2/nosql/data} with an NSON body, as the
 * Oracle NoSQL HTTP proxy serves it. I/O runs on one Netty event-loop group shared by all
 * servers of the JVM (daemon threads, created once, so starting a region is fast). Row
 * operations are executed on the I/O thread (one short transaction each); everything that may
 * run long or wait (DDL, queries, admin and agent calls) on a per-server worker pool.
 */
public final class RegionServer implements AutoCloseable {
    private static EventLoopGroup sharedGroup;

    private final Channel serverChannel;
    private final ChannelGroup connections;
    private final ExecutorService workers;
    private final int port;
    private final AtomicBoolean closed = new AtomicBoolean();

    private RegionServer(Channel serverChannel, ChannelGroup connections, ExecutorService workers) {
        this.serverChannel = serverChannel;
        this.connections = connections;
        this.workers = workers;
        this.port = ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /**
     * Binds all interfaces on {@code port} (0 = a free port) and starts serving.
     *
     * @throws IllegalStateException when the port cannot be bound (message names the port)
     */
    public static RegionServer start(RequestDispatcher dispatcher, int port, Limits limits) {
        return start(dispatcher, null, port, limits);
    }

    /**
     * As {@link #start(RequestDispatcher, int, Limits)}, also serving the region's admin
     * commands at {@code POST /mrtck/admin} when {@code admin} is not null.
     */
    public static RegionServer start(RequestDispatcher dispatcher, AdminCommands admin, int port, Limits limits) {
        return start(dispatcher, admin, null, port, limits);
    }

    /** As above, also serving XRegion agents of other processes at {@code POST /mrtck/agent} when not null. */
    public static RegionServer start(RequestDispatcher dispatcher, AdminCommands admin, AgentEndpoint agentApi,
                                     int port, Limits limits) {
        ChannelGroup connections = new DefaultChannelGroup("mrtck-region-connections",
            GlobalEventExecutor.INSTANCE);
        ExecutorService workers = newWorkers(port);
        EventLoopGroup group = group();
        ServerBootstrap b = new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_REUSEADDR, true)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.SO_KEEPALIVE, true)
            .childHandler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel ch) {
                    connections.add(ch);
                    ChannelPipeline p = ch.pipeline();
                    p.addLast("http", new HttpServerCodec());
                    p.addLast("aggregate", new SizeLimitingAggregator(limits.maxRequestBytes()));
                    p.addLast("nosql", new HttpHandler(dispatcher, admin, agentApi, workers));
                }
            });
        try {
            Channel ch = b.bind(new InetSocketAddress(port)).syncUninterruptibly().channel();
            return new RegionServer(ch, connections, workers);
        } catch (Exception e) { // Netty rethrows the checked BindException undeclared
            workers.shutdownNow();
            throw new IllegalStateException("cannot listen on port " + port + ": " + e, e);
        }
    }

    public int port() {
        return port;
    }

    /** Stops accepting, closes every open connection, stops the worker pool. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        serverChannel.close().syncUninterruptibly();
        connections.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        workers.shutdown();
        try {
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static synchronized EventLoopGroup group() {
        if (sharedGroup == null) {
            sharedGroup = new NioEventLoopGroup(
                // row operations run on these threads and may wait for a row lock: more than the cores
                Math.max(4, 2 * Runtime.getRuntime().availableProcessors()),
                new DefaultThreadFactory("mrtck-region-io", true));
        }
        return sharedGroup;
    }

    private static ExecutorService newWorkers(int port) {
        int n = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
        AtomicInteger seq = new AtomicInteger();
        return new ThreadPoolExecutor(n, n, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
            r -> {
                Thread t = new Thread(r, "mrtck-region-worker-" + seq.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
    }
}
