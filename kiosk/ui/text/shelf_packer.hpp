// ShelfPacker: places glyph rectangles on a fixed-size page in horizontal shelves. Glyphs of one
// size have similar heights, so shelves waste little; a 1-px gutter on every side of each glyph
// keeps filtering from picking up a neighbour when the UI is drawn scaled.
#pragma once

#include <optional>
#include <vector>

namespace kiosk::ui::text {

struct PackedRect {
    int x = 0;
    int y = 0;
    int width = 0;
    int height = 0;
};

class ShelfPacker {
  public:
    ShelfPacker(int page_width, int page_height, int gutter = 1);

    // Where a width x height rectangle goes, or nullopt if the page has no room for it.
    std::optional<PackedRect> insert(int width, int height);
    void reset();

    // Whether a width x height rectangle fits an empty page of this packer's geometry.
    bool fits_empty_page(int width, int height) const {
        return width + 2 * gutter_ <= page_width_ && height + 2 * gutter_ <= page_height_;
    }

    int page_width() const { return page_width_; }
    int page_height() const { return page_height_; }
    // Rows from the top that shelves occupy; what is below is free.
    int used_height() const { return next_shelf_y_; }

  private:
    struct Shelf {
        int y = 0;
        int height = 0;  // tallest rectangle the shelf takes, without gutter
        int next_x = 0;  // first free column, gutter included
    };

    int page_width_;
    int page_height_;
    int gutter_;
    int next_shelf_y_;
    std::vector<Shelf> shelves_;
};

}  // namespace kiosk::ui::text
