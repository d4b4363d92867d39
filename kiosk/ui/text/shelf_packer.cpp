// ShelfPacker: best-fit shelf choice, new shelf at the bottom when none fits.
#include "kiosk/ui/text/shelf_packer.hpp"

#include <cassert>

namespace kiosk::ui::text {

ShelfPacker::ShelfPacker(int page_width, int page_height, int gutter)
    : page_width_(page_width), page_height_(page_height), gutter_(gutter), next_shelf_y_(gutter) {
    assert(page_width > 0 && page_height > 0 && gutter >= 0 && "ShelfPacker: bad page geometry");
}

std::optional<PackedRect> ShelfPacker::insert(int width, int height) {
    assert(width > 0 && height > 0 && "ShelfPacker::insert: empty rectangles take no space");
    // Best fit: the lowest shelf that is tall enough and not much taller (so a 10-px glyph does
    // not sit on a 60-px shelf), with room left on the row.
    Shelf* best = nullptr;
    Shelf* loose = nullptr;  // any shelf with room, used only when the page has no new row left
    for (Shelf& s : shelves_) {
        if (s.height < height || s.next_x + width + gutter_ > page_width_) {
            continue;
        }
        if (loose == nullptr || s.height < loose->height) {
            loose = &s;
        }
        const bool snug = s.height <= height + height / 4 + 2;
        if (snug && (best == nullptr || s.height < best->height)) {
            best = &s;
        }
    }
    if (best == nullptr) {
        const bool new_shelf_fits =
            fits_empty_page(width, height) && next_shelf_y_ + height + gutter_ <= page_height_;
        if (new_shelf_fits) {
            shelves_.push_back(Shelf{next_shelf_y_, height, gutter_});
            next_shelf_y_ += height + gutter_;
            best = &shelves_.back();
        } else if (loose != nullptr) {
            best = loose;
        } else {
            return std::nullopt;
        }
    }
    PackedRect r{best->next_x, best->y, width, height};
    best->next_x += width + gutter_;
    return r;
}

void ShelfPacker::reset() {
    shelves_.clear();
    next_shelf_y_ = gutter_;
}

}  // namespace kiosk::ui::text
