package io.mrtck.reference.protocol;

import java.time.Clock;

import io.mrtck.reference.data.Limits;
import io.mrtck.reference.data.Rows;
import io.mrtck.reference.sql.SqlEngine;

/** A server over a context whose store/rows/SQL are not opened: enough for protocol tests. */
final class TestRegion {
    private TestRegion() {
    }

    static RegionContext context(Limits limits) {
        Clock clock = Clock.systemUTC();
        Rows rows = new Rows(null, clock, limits);
        SqlEngine sql = new SqlEngine(null, rows, clock);
        return new RegionContext(null, rows, sql, clock, "TEST");
    }

    static RegionServer server(Limits limits) {
        return RegionServer.start(new RequestDispatcher(context(limits)), 0, limits);
    }
}
