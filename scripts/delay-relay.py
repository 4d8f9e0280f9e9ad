#!/usr/bin/env python3
"""A delaying TCP relay for the bad-network harness (scripts/netns-harness.sh).

Listens on LISTEN_HOST:LISTEN_PORT and forwards every connection to TARGET_HOST:TARGET_PORT,
holding each chunk DELAY_MS (± JITTER_MS) before passing it on, in each direction, so the
round trip gains twice the delay. Order is kept: a chunk never overtakes the one before it.
Closing one side half-closes the other once the delayed bytes are out.

usage: delay-relay.py LISTEN_HOST LISTEN_PORT TARGET_HOST TARGET_PORT DELAY_MS [JITTER_MS]
"""
import asyncio
import random
import sys


async def pump(reader, writer, delay, jitter):
    loop = asyncio.get_running_loop()
    queue = asyncio.Queue()

    async def read():
        last = 0.0
        while True:
            data = await reader.read(65536)
            # Never earlier than the chunk before: jitter must not reorder the stream.
            due = max(last, loop.time() + delay + random.uniform(-jitter, jitter))
            last = due
            await queue.put((due, data))
            if not data:
                return

    async def write():
        while True:
            due, data = await queue.get()
            wait = due - loop.time()
            if wait > 0:
                await asyncio.sleep(wait)
            if not data:
                if writer.can_write_eof():
                    writer.write_eof()
                return
            writer.write(data)
            await writer.drain()

    try:
        await asyncio.gather(read(), write())
    except (ConnectionError, OSError):
        pass


async def handle(client_reader, client_writer, target, delay, jitter):
    try:
        server_reader, server_writer = await asyncio.open_connection(*target)
    except OSError:
        client_writer.close()
        return
    try:
        await asyncio.gather(
            pump(client_reader, server_writer, delay, jitter),
            pump(server_reader, client_writer, delay, jitter),
        )
    finally:
        for writer in (client_writer, server_writer):
            writer.close()


async def main():
    if len(sys.argv) not in (6, 7):
        sys.exit(__doc__)
    listen_host, listen_port, target_host, target_port = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
    delay = int(sys.argv[5]) / 1000
    jitter = (int(sys.argv[6]) if len(sys.argv) == 7 else 0) / 1000
    target = (target_host, target_port)
    server = await asyncio.start_server(
        lambda r, w: handle(r, w, target, delay, jitter), listen_host, listen_port, reuse_address=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        pass
