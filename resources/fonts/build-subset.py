#!/usr/bin/env python3
"""Rebuilds PoEDemoSansJP-Regular.ttf, the Japanese font of the demo PoE PDFs.

A subset of Noto Sans CJK JP Regular (SIL Open Font License 1.1) with the characters the demo
texts use (every non-ASCII character in server/src/demo/*.ts), printable ASCII, kana and CJK
punctuation; outlines converted to TrueType so pdf-lib embeds it as a plain CIDFontType2 font.
Renamed, as the OFL asks of modified versions. Only needed when demo texts gain new characters
(the PDF tests fail naming the missing character). Needs Debian's fonts-noto-cjk and
python3-fonttools:

    apt-get install -y fonts-noto-cjk python3-fonttools
    /usr/bin/python3 resources/fonts/build-subset.py
"""
import glob
import os
import sys

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SOURCE = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'
OUTPUT = os.path.join(HERE, 'PoEDemoSansJP-Regular.ttf')
FAMILY = 'PoE Demo Sans JP'
POSTSCRIPT = 'PoEDemoSansJP-Regular'


def wanted_codepoints():
    cps = set(range(0x20, 0x7F))
    cps.update(range(0x3000, 0x3040))  # CJK punctuation
    cps.update(range(0x3041, 0x3097))  # hiragana
    cps.update(range(0x30A0, 0x3100))  # katakana
    cps.update(range(0xFF01, 0xFF5F))  # full-width forms
    for path in sorted(glob.glob(os.path.join(ROOT, 'server', 'src', 'demo', '*.ts'))):
        with open(path, encoding='utf-8') as f:
            cps.update(ord(c) for c in f.read() if ord(c) > 0x7E)
    return sorted(cps)


def to_truetype(font):
    glyph_order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in glyph_order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyphs[name] = pen.glyph()
    font['loca'] = newTable('loca')
    font['glyf'] = glyf = newTable('glyf')
    glyf.glyphOrder = glyph_order
    # Even glyph lengths: fontkit's subsetter writes a short loca (offsets / 2) whenever it can.
    glyf.padding = 4
    glyf.glyphs = glyphs
    for glyph in glyphs.values():
        glyph.recalcBounds(glyf)
    del font['CFF ']
    font['maxp'] = maxp = newTable('maxp')
    maxp.tableVersion = 0x00010000
    for field in ('maxZones', 'maxTwilightPoints', 'maxStorage', 'maxFunctionDefs', 'maxInstructionDefs',
                  'maxStackElements', 'maxSizeOfInstructions', 'maxComponentElements'):
        setattr(maxp, field, 1 if field == 'maxZones' else 0)
    maxp.numGlyphs = len(glyph_order)
    maxp.recalc(font)
    post = font['post']
    post.formatType = 2.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = glyph_order
    font.sfntVersion = '\x00\x01\x00\x00'


def rename(font):
    name = font['name']
    copyright_notice = name.getDebugName(0)
    license_text = name.getDebugName(13)
    license_url = name.getDebugName(14)
    name.names = []
    for name_id, value in (
        (0, copyright_notice),
        (1, FAMILY),
        (2, 'Regular'),
        (3, f'{POSTSCRIPT};subset of Noto Sans CJK JP 2.004'),
        (4, FAMILY),
        (5, 'Version 2.004'),
        (6, POSTSCRIPT),
        (10, 'Subset of Noto Sans CJK JP for the PoE Reviewer Workstation demo documents.'),
        (13, license_text),
        (14, license_url),
    ):
        name.setName(value, name_id, 3, 1, 0x409)
    font['head'].created = font['head'].modified = 3786825600  # 2024-01-01, fixed: reproducible bytes


def main():
    if not os.path.exists(SOURCE):
        sys.exit(f'{SOURCE} not found: apt-get install -y fonts-noto-cjk')
    options = subset.Options()
    options.font_number = 0  # Noto Sans CJK JP in the collection
    options.layout_features = []
    options.hinting = False
    options.desubroutinize = True
    options.name_IDs = ['*']
    options.drop_tables += ['GSUB', 'GPOS', 'GDEF', 'BASE', 'VORG', 'vhea', 'vmtx', 'DSIG']
    font = subset.load_font(SOURCE, options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=wanted_codepoints())
    subsetter.subset(font)
    to_truetype(font)
    rename(font)
    font.save(OUTPUT)
    print(f'{OUTPUT}: {os.path.getsize(OUTPUT)} bytes, {len(font.getGlyphOrder())} glyphs')


if __name__ == '__main__':
    main()
