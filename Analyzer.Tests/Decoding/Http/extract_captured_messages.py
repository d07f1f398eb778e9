#!/usr/bin/env python3
"""Regenerates CapturedMessages.cs from the conformance captures with tshark ("follow tcp raw").

Usage: python3 extract_captured_messages.py <conformance dir> > CapturedMessages.cs
"""
import subprocess
import sys

ROOT = sys.argv[1].rstrip('/') + '/pcaps/'
EVE = ROOT + 'OISF__suricata-verify/output-eve-ftp-data/input.pcap'
EXAMPLE = ROOT + 'seladb__PcapPlusPlus/example.pcap'
ANYCONNECT = ROOT + 'ntop__nDPI/anyconnect-vpn.pcap'
SOURCES = {EVE: 'output-eve-ftp-data', EXAMPLE: 'example', ANYCONNECT: 'anyconnect-vpn'}
ITEMS = [
    ('AddPortMapping', EVE, 0), ('GetSpecificPortMappingEntry', EVE, 1), ('GetExternalIPAddress', EVE, 2),
    ('Notify', EVE, 3), ('Subscribe', EVE, 4), ('Unsubscribe', EVE, 6), ('SubscribeRenewal', EXAMPLE, 26),
    ('ChromecastDeviceDescription', ANYCONNECT, 20), ('RokuDeviceDescription', ANYCONNECT, 21),
]


def follow(pcap, stream):
    out = subprocess.run(['tshark', '-r', pcap, '-q', '-z', f'follow,tcp,raw,{stream}'],
                         capture_output=True, text=True, check=True).stdout
    originator, responder = b'', b''
    for line in out.splitlines():
        if not line or line[0] in '=FN':
            continue
        if line.startswith('\t'):
            responder += bytes.fromhex(line.strip())
        else:
            originator += bytes.fromhex(line.strip())
    return originator, responder


def literal(data):
    parts = []
    lines = data.decode('latin1').split('\n')
    for i, line in enumerate(lines):
        text = line + ('' if i == len(lines) - 1 else '\n')
        if text:
            esc = (text.replace('\\', '\\\\').replace('"', '\\"').replace('\r', '\\r')
                   .replace('\n', '\\n').replace('\t', '\\t'))
            parts.append('        "' + esc + '"')
    return ' +\n'.join(parts)


print('''namespace Analyzer.Tests.Decoding.Http;

/// <summary>
/// Messages copied byte for byte from public captures of the conformance corpus (tshark "follow tcp"):
/// output-eve-ftp-data = OISF/suricata-verify tests/output-eve-ftp-data/input.pcap (Windows 7 UPnP client and a
/// home IGD, TCP streams 0-6); example = seladb/PcapPlusPlus Tests/Pcap++Test/PcapExamples/example.pcap (stream 26,
/// frames 3416 and 3420); anyconnect-vpn = ntop/nDPI tests/cfgs/default/pcap/anyconnect-vpn.pcap (streams 20 and 21:
/// a Chromecast and a Roku device description fetched by Chrome). Regenerate with extract_captured_messages.py.
/// </summary>
internal static class CapturedMessages
{''')
for name, pcap, stream in ITEMS:
    request, response = follow(pcap, stream)
    print(f'    /// <summary>{SOURCES[pcap]}, TCP stream {stream}, originator to responder.</summary>')
    print(f'    public const string {name}Request =\n{literal(request)};\n')
    print(f'    /// <summary>{SOURCES[pcap]}, TCP stream {stream}, responder to originator.</summary>')
    print(f'    public const string {name}Response =\n{literal(response)};\n')
print('}')
