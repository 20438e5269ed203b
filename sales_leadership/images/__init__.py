"""Pictures an editor adds (partner photos, images in pages and articles), made fit to publish.

An editor drops in whatever the phone gave them: a 6 MB JPEG lying on its side with GPS in its
EXIF, a HEIC, a PNG screenshot. The site shows small, upright, metadata-free copies in the sizes
the theme displays, as AVIF and WebP with a JPEG fallback. Plain Python over Pillow (and
pillow-heif for HEIC), no Pelican:

- sources.py   open and check a picture file: is it one, what size is it once upright;
- pictures.py  which copies (renditions) a picture needs, at which addresses, for which slot;
- encode.py    make one rendition's bytes: upright, sRGB, cropped, resized, no metadata, in budget;
- markup.py    the <picture> element a page shows it with.

The site build's plugins (plugins/responsive_images, plugins/partner_directory) decide where the
files go and keep a cache; the content models (sales_leadership.partners) attach file and field
to the messages raised here as ImageError.
"""

from .sources import ImageError, SourceImage, open_source

__all__ = ["ImageError", "SourceImage", "open_source"]
