import NIOCore
import RESP
import Testing

@testable import Inspector

/// The server pane's parsers on reply text: command stats, CLIENT LIST lines, a refresh with errors.
@Suite struct ServerSnapshotParsingTests {
    @Test func parsesKnownLines() {
        let stat = CommandStat(field: "cmdstat_get", value: "calls=10,usec=32,usec_per_call=3.20,rejected_calls=1,failed_calls=2")
        #expect(stat == CommandStat(name: "get", calls: 10, microseconds: 32, microsecondsPerCall: 3.2, rejectedCalls: 1, failedCalls: 2))
        #expect(CommandStat(field: "errorstat_ERR", value: "count=1") == nil)
        let line = Array("id=7 addr=10.0.0.5:51234 laddr=10.0.0.1:6379 fd=9 name= age=120 idle=3 flags=P db=2 sub=1 psub=0 cmd=subscribe user=default".utf8)
        let client = ClientInfo(line: line)
        var expected = ClientInfo(id: 7, address: "10.0.0.5:51234", name: [], ageSeconds: 120, idleSeconds: 3, database: 2, lastCommand: "subscribe", flags: "P")
        expected.user = "default"
        expected.subscriptions = 1
        #expect(client == expected)
        #expect(ClientInfo.parseList(line + Array("\r\n".utf8) + Array("garbage\n".utf8)).count == 1)
        let snapshot = ServerSnapshot(replies: [.error(.init(string: "NOPERM no")), .bulkString(.init(bytes: line)), .array([])])
        #expect(snapshot.errors["slowlog"] == "NOPERM no")
        #expect(snapshot.clients.count == 1)
    }
}
