// Text fields and the docked on-screen keyboard (see text_field.hpp). The field's text lives in
// the session (core/field_path.hpp); every key press computes the whole new text and caret with
// i18n::TextEdit and the layout rules of i18n/keyboard.hpp, and records it as EditText, so the
// reducer stays the only place that changes state. Nothing here keeps state between frames:
// the shown layout and shift come from Session::keyboard, the caret from Session::focus, and
// backspace repeat from ImGui's own record of how long the finger has been down.
#include "kiosk/ui/text_field.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // CalcTypematicRepeatAmount: backspace repeat on hold

#include <algorithm>
#include <cassert>
#include <cmath>
#include <optional>
#include <string>

#include "kiosk/core/field_path.hpp"
#include "kiosk/i18n/keyboard.hpp"
#include "kiosk/i18n/text_edit.hpp"
#include "kiosk/i18n/text_utf8.hpp"
#include "kiosk/ui/layout.hpp"
#include "kiosk/ui/step_page.hpp"
#include "kiosk/ui/text/widgets.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {

namespace {

// [SECTION] Limits and sizes

// A held backspace deletes again after this long, then at this interval (seconds).
constexpr float kRepeatDelay = 0.5F;
constexpr float kRepeatInterval = 0.08F;

// Rows the keyboard has room for: the tallest layouts (Pashto, email) have five.
constexpr int kKeyboardRows = 5;
// Share of the display height the keyboard may take at most, so that on a 1280×800 screen the
// step's title, one field and the Back/Next bar stay visible above it.
constexpr float kMaxKeyboardShare = 0.45F;
// Keys stay at least this high whatever the display (a fingertip).
constexpr float kMinKeyHeight = 48.0F;
// A key is at most this many times as wide as it is high (the number pad would be a wall).
constexpr float kMaxKeyAspect = 2.5F;

// The longest text a field takes from the keyboard, in UTF-8 bytes. The core validates the
// real limits (and says "too long" next to the field); this only stops a stuck finger from
// growing a text without end. Numeric fields hold what set_text_field accepts.
constexpr std::size_t kMaxTextBytes = 2048;
constexpr std::size_t kMaxPhoneBytes = 32;
constexpr std::size_t kMaxNumberBytes = 4;

// Key captions that are symbols, the same in every language (DejaVu Sans has both).
constexpr std::string_view kShiftSymbol = "\u21E7";      // ⇧
constexpr std::string_view kBackspaceSymbol = "\u232B";  // ⌫

constexpr std::uint32_t kFieldBackground = 0xFFFFFF;

std::size_t max_text_bytes(std::string_view field) {
    if (field.starts_with("phone.")) {
        return kMaxPhoneBytes;
    }
    return core::is_numeric_field(field) ? kMaxNumberBytes : kMaxTextBytes;
}

// The field's text in a TextEdit, with the session's caret when the field has the focus.
// Empty when the path names no field or its text is not UTF-8: then keys must not act, or a
// key press would replace what is there.
std::optional<i18n::TextEdit> editor(const core::Session& session, std::string_view field) {
    const std::optional<std::string> text = core::text_field(session, field);
    if (!text) {
        return std::nullopt;
    }
    i18n::TextEdit edit(std::max(max_text_bytes(field), text->size()));
    if (!edit.set_text(*text).ok()) {
        return std::nullopt;
    }
    if (session.focus && session.focus->field == field) {
        edit.set_cursor(session.focus->cursor);  // a stale caret keeps the end
    }
    return edit;
}

void audit(const ViewContext& ctx, const text::ShapedText& shaped, std::string_view text) {
    ctx.glyphs->check(*shaped.line, text);
}

// [SECTION] Keyboard geometry

struct KeyboardGeometry {
    float pad = 0;      // around the keys inside the panel
    float gap = 0;      // between keys
    float panel_h = 0;  // the whole panel, from its top to the bottom of the display
};

KeyboardGeometry keyboard_geometry(const ViewContext& ctx) {
    const float display_h = ImGui::GetMainViewport()->Size.y;
    KeyboardGeometry g;
    g.gap = std::round(0.25F * ctx.theme.em);
    g.pad = g.gap;
    const float rows = static_cast<float>(kKeyboardRows);
    const float spacing = 2 * g.pad + (rows - 1) * g.gap;
    const float fit = std::floor((kMaxKeyboardShare * display_h - spacing) / rows);
    const float key_h = std::max(std::min(ctx.theme.button_h, fit), kMinKeyHeight);
    g.panel_h = rows * key_h + spacing;
    return g;
}

// [SECTION] Keys

// What every key of one frame needs.
struct KeyFrame {
    const core::Session& session;
    const ViewContext& ctx;
    const std::string& field;
    const i18n::KeyboardLayout& layout;
    std::vector<std::string_view> cycle;
    std::optional<i18n::TextEdit> edit;
    bool shift = false;  // shift is on and the layout has capitals
};

// The layout key's caption: the name of the layout it switches to.
const std::string& layout_caption(const ViewContext& ctx, std::string_view id) {
    if (id == "tr")
        return ctx.text("osk.layout.tr");
    if (id == "kmr")
        return ctx.text("osk.layout.kmr");
    if (id == "ar")
        return ctx.text("osk.layout.ar");
    if (id == "fa")
        return ctx.text("osk.layout.fa");
    if (id == "ps")
        return ctx.text("osk.layout.ps");
    if (id == "bg")
        return ctx.text("osk.layout.bg");
    if (id == "uk")
        return ctx.text("osk.layout.uk");
    if (id == "ru")
        return ctx.text("osk.layout.ru");
    if (id == "digits")
        return ctx.text("osk.layout.digits");
    if (id == "email")
        return ctx.text("osk.layout.email");
    return ctx.text("osk.layout.latin");
}

// Applies `key` `times` times to the session's text and keyboard, and records the result.
void press(const KeyFrame& k, const i18n::Key& key, int times, std::vector<core::Intent>& out) {
    if (times <= 0) {
        return;
    }
    i18n::KeyboardState state{k.layout.id, k.session.keyboard.shift};
    if (!k.edit) {
        if (key.kind == i18n::KeyKind::done) {
            out.emplace_back(core::CloseKeyboard{});
        }
        return;
    }
    i18n::TextEdit edit = *k.edit;
    i18n::KeyOutcome all;
    for (int i = 0; i < times; ++i) {
        const i18n::KeyOutcome one = i18n::apply_key(key, edit, state, k.cycle);
        all.edited = all.edited || one.edited;
        all.state_changed = all.state_changed || one.state_changed;
        all.close = all.close || one.close;
    }
    if (all.edited) {
        out.emplace_back(core::EditText{k.field, edit.text(), edit.cursor()});
    }
    if (all.state_changed) {
        out.emplace_back(core::SetKeyboard{state.layout, state.shift});
    }
    if (all.close) {
        out.emplace_back(core::CloseKeyboard{});
    }
}

// How many deletions a held backspace makes this frame: one for a tap (on release, so a finger
// sliding off cancels it, as with every button), then from kRepeatDelay on one per
// kRepeatInterval while it is held; a release after repeats adds none.
int backspace_presses(bool released) {
    const ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsItemActive()) {
        const float now = io.MouseDownDuration[ImGuiMouseButton_Left];
        const float before = io.MouseDownDurationPrev[ImGuiMouseButton_Left];
        return now > 0
                   ? ImGui::CalcTypematicRepeatAmount(before, now, kRepeatDelay, kRepeatInterval)
                   : 0;
    }
    return released && io.MouseDownDurationPrev[ImGuiMouseButton_Left] < kRepeatDelay ? 1 : 0;
}

// Draws one key at the cursor, w×h, and records what its tap does.
void draw_key(const KeyFrame& k, const i18n::Key& key, float w, float h,
              std::vector<core::Intent>& out) {
    const ViewContext& ctx = k.ctx;
    switch (key.kind) {
        case i18n::KeyKind::character: {
            const std::string_view typed = i18n::key_text(key, k.shift);
            std::size_t length = 0;
            const char32_t first = i18n::decode_utf8_at(typed, 0, length);
            if (choice_button(ctx, "osk.key." + code_point_name(first), typed, false, w, h)) {
                press(k, key, 1, out);
            }
            break;
        }
        case i18n::KeyKind::shift:
            if (choice_button(ctx, "osk.shift", kShiftSymbol, k.shift, w, h)) {
                press(k, key, 1, out);
            }
            break;
        case i18n::KeyKind::backspace: {
            const bool released = big_button(ctx, "osk.backspace", kBackspaceSymbol, w, h);
            press(k, key, backspace_presses(released), out);
            break;
        }
        case i18n::KeyKind::space:
            if (choice_button(ctx, "osk.space", ctx.text("osk.space"), false, w, h)) {
                press(k, key, 1, out);
            }
            break;
        case i18n::KeyKind::zwnj:
            if (choice_button(ctx, "osk.zwnj", ctx.text("osk.zwnj"), false, w, h)) {
                press(k, key, 1, out);
            }
            break;
        case i18n::KeyKind::layout: {
            const std::string_view next = i18n::next_layout(k.layout.id, k.cycle);
            if (big_button(ctx, "osk.layout", layout_caption(ctx, next), w, h)) {
                press(k, key, 1, out);
            }
            break;
        }
        case i18n::KeyKind::done:
            if (big_button(ctx, "osk.done", ctx.text("common.done"), w, h)) {
                press(k, key, 1, out);
            }
            break;
    }
}

// A key that does nothing here: the layout key when the field has one layout only.
bool hidden(const KeyFrame& k, const i18n::Key& key) {
    return key.kind == i18n::KeyKind::layout && k.cycle.size() < 2;
}

}  // namespace

// [SECTION] Public

std::string_view keyboard_layout_for(std::string_view field, std::string_view language) {
    if (core::is_numeric_field(field)) {
        return "digits";
    }
    if (field == "interest_code") {
        return "code";  // a reference code is typed the same in every language
    }
    return field == "email" ? std::string_view("email") : i18n::layout_for_language(language);
}

float text_field(const core::Session& session, const ViewContext& ctx, std::string_view field,
                 std::string_view label_key, float width, std::vector<core::Intent>& out) {
    // A group keeps the label, box and error lines at the field's own x (a new ImGui line starts
    // at the window's edge), so a caller places a field by placing the cursor once.
    ImGui::BeginGroup();
    const float top = ImGui::GetCursorPosY();
    const float px = body_px(ctx.theme);
    const std::string_view lang = ctx.language();
    const Palette& colors = ctx.theme.colors;
    ImDrawList* draw = ImGui::GetWindowDrawList();

    // The label, at the start edge of the field.
    const std::string& label = ctx.text(label_key);
    const text::ShapedText label_line = ctx.renderer->shape(label, lang, px);
    audit(ctx, label_line, label);
    const ImVec2 label_min = ImGui::GetCursorScreenPos();
    const float label_h = std::ceil(label_line.height());
    text::LabelStyle label_style;
    label_style.pixel_size = px;
    label_style.colour = to_imgui(colors.text);
    text::draw_label(*ctx.renderer, draw, label_min,
                     ImVec2(label_min.x + width, label_min.y + label_h), label, lang, label_style);
    ImGui::Dummy(ImVec2(width, label_h));

    // The box: a tap takes the focus, or moves the caret when the field has it already.
    const std::string id = "field." + std::string(field);
    const float box_h = std::max(kMinKeyHeight, std::round(2.2F * ctx.theme.em));
    const ImVec2 box_min = ImGui::GetCursorScreenPos();
    const ImVec2 box_max(box_min.x + width, box_min.y + box_h);
    const bool released = ImGui::InvisibleButton(id.c_str(), ImVec2(width, box_h));
    const bool held = ImGui::IsItemActive();
    const ImGuiIO& io = ImGui::GetIO();
    // A finger that travelled (a scroll starting on the field) does not take the focus.
    const ImVec2 landed = io.MouseClickedPos[ImGuiMouseButton_Left];
    const float dx = io.MousePos.x - landed.x;
    const float dy = io.MousePos.y - landed.y;
    const float threshold_sq = io.MouseDragThreshold * io.MouseDragThreshold;
    const bool tapped = released && dx * dx + dy * dy < threshold_sq &&
                        io.MouseDragMaxDistanceSqr[ImGuiMouseButton_Left] < threshold_sq;
    ctx.hits->add(id, label, Rect{box_min.x, box_min.y, width, box_h});

    const bool focused = session.focus && session.focus->field == field;
    draw->AddRectFilled(box_min, box_max, to_imgui(kFieldBackground), ctx.theme.rounding);
    const std::uint32_t border = held ? colors.pressed : focused ? colors.button : colors.muted;
    draw->AddRect(box_min, box_max, to_imgui(border), ctx.theme.rounding, 0, focused ? 3.0F : 2.0F);

    // The text, shaped, from the start edge of its own direction; scrolled so the caret shows.
    const std::string value = core::text_field(session, field).value_or("");
    const text::ShapedText line = ctx.renderer->shape(value, lang, px);
    audit(ctx, line, value);
    const float inset = 0.5F * ctx.theme.em;
    const float inner_left = box_min.x + inset;
    const float inner_right = box_max.x - inset;
    float x =
        text::aligned_x(inner_left, inner_right, line.width(), line.rtl(), text::Align::start);
    const std::optional<i18n::TextEdit> edit = editor(session, field);
    const float caret = edit ? edit->caret_x(*line.line) : 0;
    if (focused) {
        if (x + caret > inner_right) {
            x -= x + caret - inner_right;
        } else if (x + caret < inner_left) {
            x += inner_left - (x + caret);
        }
    }
    draw->PushClipRect(ImVec2(inner_left - 2, box_min.y), ImVec2(inner_right + 2, box_max.y), true);
    // A rectangle exactly as wide as the line puts it at x whatever its direction.
    text::LabelStyle value_style;
    value_style.pixel_size = px;
    value_style.colour = to_imgui(colors.text);
    const text::Box drawn =
        text::draw_label(*ctx.renderer, draw, ImVec2(x, box_min.y),
                         ImVec2(x + line.width(), box_max.y), value, lang, value_style);
    if (focused) {
        const float cx = std::round(x + caret);
        draw->AddRectFilled(ImVec2(cx - 1, drawn.min.y), ImVec2(cx + 1, drawn.max.y),
                            to_imgui(colors.text));
    }
    draw->PopClipRect();

    if (tapped && !focused) {
        out.emplace_back(
            core::FocusField{std::string(field), std::string(keyboard_layout_for(field, lang))});
    } else if (tapped && edit) {
        i18n::TextEdit moved = *edit;
        moved.place_cursor_at_x(*line.line, io.MousePos.x - x);
        if (moved.cursor() != edit->cursor()) {
            out.emplace_back(core::EditText{std::string(field), moved.text(), moved.cursor()});
        }
    }

    field_error(session, ctx, field);
    const float height = ImGui::GetCursorPosY() - top;
    ImGui::EndGroup();
    return height;
}

float keyboard_height(const core::Session& session, const ViewContext& ctx) {
    if (!session.focus) {
        return 0;
    }
    // The panel reaches into the window's bottom padding; views keep clear of the rest, and a
    // gap more so the bottom bar does not touch it.
    return std::max(0.0F, keyboard_geometry(ctx).panel_h - ctx.theme.margin + ctx.theme.gap);
}

void draw_keyboard(const core::Session& session, const ViewContext& ctx,
                   std::vector<core::Intent>& out) {
    if (!session.focus) {
        return;
    }
    const std::string& field = session.focus->field;
    const std::string_view start = keyboard_layout_for(field, ctx.language());
    const i18n::KeyboardLayout* layout = i18n::find_layout(session.keyboard.layout);
    if (layout == nullptr) {
        layout = i18n::find_layout(start);
    }
    assert(layout != nullptr && "keyboard_layout_for names a layout that does not exist");
    KeyFrame k{session,
               ctx,
               field,
               *layout,
               i18n::layout_cycle(start, ctx.language()),
               editor(session, field),
               session.keyboard.shift && layout->cased};

    const KeyboardGeometry g = keyboard_geometry(ctx);
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const ImVec2 panel_min(viewport->Pos.x, viewport->Pos.y + viewport->Size.y - g.panel_h);
    const ImVec2 panel_max(viewport->Pos.x + viewport->Size.x, viewport->Pos.y + viewport->Size.y);
    // The panel lies partly in the window's padding, which ImGui clips: widen the clip to it.
    ImGui::PushClipRect(panel_min, panel_max, false);
    ImGui::GetWindowDrawList()->AddRectFilled(panel_min, panel_max,
                                              to_imgui(ctx.theme.colors.muted));

    // One key width for the whole layout, from its most crowded row; rows fill the height.
    const float inner_w = panel_max.x - panel_min.x - 2 * g.pad;
    const float rows = static_cast<float>(layout->rows.size());
    const float key_h = std::floor((g.panel_h - 2 * g.pad - (rows - 1) * g.gap) / rows);
    float unit = kMaxKeyAspect * key_h;
    for (const auto& row : layout->rows) {
        float units = 0;
        for (const i18n::Key& key : row) {
            units += key.width;
        }
        const float gaps = static_cast<float>(row.size() - 1) * g.gap;
        unit = std::min(unit, (inner_w - gaps) / units);
    }

    // Arabic-script layouts run right to left: each row's first key on the right.
    float y = panel_min.y + g.pad;
    for (const auto& row : layout->rows) {
        float row_w = static_cast<float>(row.size() - 1) * g.gap;
        for (const i18n::Key& key : row) {
            row_w += key.width * unit;
        }
        const float row_left = std::floor(panel_min.x + (panel_max.x - panel_min.x - row_w) / 2);
        float offset = 0;
        for (const i18n::Key& key : row) {
            const float w = std::floor(key.width * unit);
            if (!hidden(k, key)) {
                ImGui::SetCursorScreenPos(
                    ImVec2(start_x(row_left, row_w, offset, w, layout->rtl), y));
                draw_key(k, key, w, key_h, out);
            }
            offset += key.width * unit + g.gap;
        }
        y += key_h + g.gap;
    }
    ImGui::PopClipRect();
}

}  // namespace kiosk::ui
