#!/usr/bin/env python3
"""Writes the regression captures of this folder (see README.md). Deterministic: same bytes on every run."""
import struct

def ip4(a):
    return bytes(int(x) for x in a.split('.'))

def tcp_frame(src, dst, sport, dport, seq, ack, flags, payload):
    tcp = struct.pack('!HHIIBBHHH', sport, dport, seq, ack, 5 << 4, flags, 65535, 0, 0) + payload
    ip = struct.pack('!BBHHHBBH4s4s', 0x45, 0, 20 + len(tcp), 1, 0, 64, 6, 0, ip4(src), ip4(dst)) + tcp
    return bytes.fromhex('020000000001') + bytes.fromhex('020000000002') + b'\x08\x00' + ip

def conversation(client, server, port, request, response):
    c, s = 1000, 9000
    t = 1_700_000_000_000_000
    frames = []
    def add(frame):
        nonlocal t
        t += 1000
        frames.append((t, frame))
    add(tcp_frame(client, server, 40000, port, c, 0, 0x02, b'')); c += 1
    add(tcp_frame(server, client, port, 40000, s, c, 0x12, b'')); s += 1
    add(tcp_frame(client, server, 40000, port, c, s, 0x18, request)); c += len(request)
    add(tcp_frame(server, client, port, 40000, s, c, 0x18, response)); s += len(response)
    add(tcp_frame(client, server, 40000, port, c, s, 0x11, b'')); c += 1
    add(tcp_frame(server, client, port, 40000, s, c, 0x11, b''))
    return frames

def write_pcap(path, frames):
    with open(path, 'wb') as f:
        f.write(struct.pack('<IHHiIII', 0xA1B2C3D4, 2, 4, 0, 0, 262144, 1))
        for t, frame in frames:
            f.write(struct.pack('<IIII', t // 1_000_000, t % 1_000_000, len(frame), len(frame)))
            f.write(frame)

# Fuzzing (soap case 139289012): a byte above 0x7F in the XML declaration's version made System.Xml throw
# ArgumentOutOfRangeException instead of XmlException, which escaped the SOAP body parser.
# The reader fails only when the declaration ends the data: the body is the declaration alone.
body = b'<?xml version="1.0\x8a"?>'
request = (b'POST /upnp/control/WANIPConn1 HTTP/1.1\r\nHOST: 192.168.1.1:5000\r\nCONTENT-TYPE: text/xml\r\n'
           b'SOAPACTION: "urn:schemas-upnp-org:service:WANIPConnection:1#GetExternalIPAddress"\r\n'
           b'CONTENT-LENGTH: ' + str(len(body)).encode() + b'\r\n\r\n' + body)
response = b'HTTP/1.1 200 OK\r\nCONTENT-TYPE: text/xml\r\nCONTENT-LENGTH: ' + str(len(body)).encode() + b'\r\n\r\n' + body
write_pcap('xml-declaration-non-ascii-version.pcap', conversation('192.168.1.50', '192.168.1.1', 5000, request, response))
