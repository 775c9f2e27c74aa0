"""Images and PDFs carrying what a phone or an editor writes about their author."""

import io
import struct
import zlib

from PIL import ExifTags, Image, PngImagePlugin

AUTHOR = "Budi Santoso"
DEVICE = "Pixel 8 Pro"


def exif_with_gps(orientation: int = 6) -> Image.Exif:
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.Base.Artist] = AUTHOR
    exif[ExifTags.Base.Make] = "Google"
    exif[ExifTags.Base.Model] = DEVICE
    # 0°30'15.5" S, 117°32'1.25" E: Sangatta.
    exif.get_ifd(ExifTags.IFD.GPSInfo).update(
        {1: "S", 2: (0.0, 30.0, 15.5), 3: "E", 4: (117.0, 32.0, 1.25)}
    )
    return exif


def photo(size=(40, 20)) -> Image.Image:
    image = Image.new("RGB", size, "white")
    image.paste((200, 0, 0), (0, 0, size[0] // 2, size[1]))  # left half red
    return image


def jpeg_with_gps(size=(40, 20)) -> bytes:
    """A photo taken with the phone turned (orientation 6: rotate 90° to view)."""
    buffer = io.BytesIO()
    photo(size).save(
        buffer,
        "JPEG",
        exif=exif_with_gps(),
        comment=f"owner {AUTHOR}".encode(),
        xmp=f"<x:xmpmeta><dc:creator>{AUTHOR}</dc:creator></x:xmpmeta>".encode(),
    )
    return buffer.getvalue()


def png_with_text() -> bytes:
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", AUTHOR)
    info.add_itxt("XML:com.adobe.xmp", f"<x:xmpmeta>{AUTHOR}</x:xmpmeta>")
    buffer = io.BytesIO()
    photo().save(buffer, "PNG", pnginfo=info, exif=exif_with_gps(orientation=1))
    return buffer.getvalue()


def webp_with_exif(lossless=False) -> bytes:
    buffer = io.BytesIO()
    photo().save(
        buffer,
        "WEBP",
        lossless=lossless,
        exif=exif_with_gps(),
        xmp=f"<x:xmpmeta>{AUTHOR}</x:xmpmeta>".encode(),
    )
    return buffer.getvalue()


def png_claiming_size(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims `width` × `height` pixels, with a text chunk
    (so it would be decoded to remove it)."""
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", AUTHOR)
    buffer = io.BytesIO()
    Image.new("L", (1, 1)).save(buffer, "PNG", pnginfo=info)
    data = bytearray(buffer.getvalue())
    ihdr = bytes(data[12:16]) + struct.pack(">II", width, height) + bytes(data[24:29])
    data[16:24] = struct.pack(">II", width, height)
    data[29:33] = struct.pack(">I", zlib.crc32(ihdr))
    return bytes(data)


def pdf_with_author() -> bytes:
    from weasyprint import HTML

    return HTML(
        string=(
            f'<html><head><meta name="author" content="{AUTHOR}">'
            f"<title>Laporan {AUTHOR}</title></head>"
            "<body><p>Bukti pungutan liar</p></body></html>"
        )
    ).write_pdf()


def has_author_metadata(data: bytes) -> bool:
    """What an image viewer or exiftool would show: any EXIF, XMP, comment, text."""
    image = Image.open(io.BytesIO(data))
    return bool(
        dict(image.getexif())
        or image.info.get("xmp")
        or image.info.get("comment")
        or getattr(image, "text", None)
        or AUTHOR.encode() in data
        or DEVICE.encode() in data
    )
