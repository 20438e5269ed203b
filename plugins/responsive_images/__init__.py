"""responsive_images: pictures as editors give them, published the way the theme shows them.

A thin adapter over `sales_leadership.images` (which checks a picture, decides its copies and
makes their bytes):

- pictures in the text of pages and articles (`![What it shows](images/workshop.jpg)`, a path
  beside the Markdown file) become a `<picture>` of small AVIF, WebP and JPEG copies under
  /images/ (content.py); every problem (no such file, not a picture, no alt text) is raised
  once all content is read, naming the file;
- publish.py writes a picture's copies into the output, made once and kept in
  CACHE_PATH/images/ by a hash of the source file and of the code that makes them, so an
  unchanged photo costs a file copy, not an encode. plugins/partner_directory publishes
  partners' photos through it too.

The file the editor added is never copied into the output.
"""

from pelican import signals

from .content import ImagesGenerator, rewrite_content_pictures, start_build


def get_generators(pelican):
    return ImagesGenerator


def register():
    signals.initialized.connect(start_build)
    signals.content_object_init.connect(rewrite_content_pictures)
    signals.get_generators.connect(get_generators)
