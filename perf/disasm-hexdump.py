#!/usr/bin/env python3
"""Disassembles HotSpot's PrintAssembly hex dump, for hosts without hsdis (JDK 13+ prints the machine code as hex).

    java -XX:+UnlockDiagnosticVMOptions -XX:CompileCommand=quiet \
         -XX:CompileCommand=print,dev.userevents.perf.PlainLoopProbe::staticLoop ... > print.txt
    perf/disasm-hexdump.py print.txt

Prints each C2 nmethod's annotations (oops, uncommon traps, inlined frames) and then its code through objdump
(x86-64). How the plain-loop probe's loops were read: loads per iteration, unrolling, inlined interface calls.
"""
import re
import subprocess
import sys
import tempfile

text = open(sys.argv[1]).read()
for block in re.split(r'\n(?=Compiled method )', text):
    head = re.match(r'Compiled method \((c\d)\)\s+\d+\s+\d+\s+%?\s*\d\s+\S+', block)
    if not head or head.group(1) != 'c2' or '[MachCode]' not in block:
        continue
    print('=====', head.group(0))
    code = block.split('[MachCode]')[1].split('[Stub Code]')[0].split('[Exception Handler]')[0]
    data, start = bytearray(), None
    for line in code.splitlines():
        hexline = re.match(r'\s*0x([0-9a-f]+): ([0-9a-f |]+)$', line.rstrip())
        if hexline:
            start = start if start is not None else int(hexline.group(1), 16)
            data += bytes.fromhex(hexline.group(2).replace('|', '').replace(' ', ''))
        elif ';' in line and start is not None:
            print('   ', line.strip()[:150])
    with tempfile.NamedTemporaryFile(suffix='.bin') as raw:
        raw.write(data)
        raw.flush()
        out = subprocess.run(['objdump', '-D', '-b', 'binary', '-mi386:x86-64', '--adjust-vma=%#x' % start,
                              raw.name], capture_output=True, text=True, check=True).stdout
    print('\n'.join(out.splitlines()[7:]))
