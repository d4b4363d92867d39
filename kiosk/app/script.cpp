// The scripted driver: the script parser, the target and key lookups, and the runner's state
// machine. Nothing here touches the window: the frame loop feeds frames in and applies the
// finger, clock jumps and screenshots it asks for.
//
// [SECTION] Parsing
// [SECTION] Targets and keys
// [SECTION] Runner
#include "kiosk/app/script.hpp"

#include <algorithm>
#include <cassert>
#include <cfloat>
#include <charconv>

#include "kiosk/core/session.hpp"
#include "kiosk/i18n/po_parser.hpp"
#include "kiosk/i18n/text_utf8.hpp"
#include "kiosk/ui/fonts.hpp"

namespace kiosk::app {

// [SECTION] Parsing

namespace {

struct Token {
    std::string text;
    bool quoted = false;
};

// One line split into words and "quoted strings"; `source` gets the line without its comment.
// Returns an error message, or nothing.
std::optional<std::string> tokenize(std::string_view line, std::vector<Token>& tokens,
                                    std::string& source) {
    std::size_t i = 0;
    std::size_t end_of_code = 0;  // just past the last character that is not comment or space
    auto is_space = [](char c) { return c == ' ' || c == '\t'; };
    while (i < line.size()) {
        if (is_space(line[i])) {
            ++i;
            continue;
        }
        if (line[i] == '#') {
            break;
        }
        Token token;
        if (line[i] == '"') {
            token.quoted = true;
            ++i;
            bool closed = false;
            while (i < line.size()) {
                const char c = line[i++];
                if (c == '"') {
                    closed = true;
                    break;
                }
                if (c == '\\') {
                    if (i == line.size() || (line[i] != '"' && line[i] != '\\')) {
                        return std::string(
                            "unknown escape in a string: only \\\" and \\\\ are "
                            "allowed");
                    }
                    token.text += line[i++];
                    continue;
                }
                token.text += c;
            }
            if (!closed) {
                return std::string("a string is not closed: a \" is missing");
            }
            if (i < line.size() && !is_space(line[i]) && line[i] != '#') {
                return "text right after a closing quote: '" + std::string(line.substr(i)) + "'";
            }
        } else {
            while (i < line.size() && !is_space(line[i]) && line[i] != '#') {
                token.text += line[i++];
            }
        }
        end_of_code = i;
        tokens.push_back(std::move(token));
    }
    source = std::string(line.substr(0, end_of_code));
    return std::nullopt;
}

// "500ms", "3s", "1.5s" → milliseconds. Whole milliseconds only.
std::optional<Millis> parse_duration(const Token& token) {
    if (token.quoted) {
        return std::nullopt;
    }
    std::string_view s = token.text;
    long long per_unit = 0;
    if (s.ends_with("ms")) {
        per_unit = 1;
        s.remove_suffix(2);
    } else if (s.ends_with("s")) {
        per_unit = 1000;
        s.remove_suffix(1);
    } else {
        return std::nullopt;
    }
    const std::size_t dot = s.find('.');
    const std::string_view whole = s.substr(0, dot);
    const std::string_view fraction = dot == std::string_view::npos ? "" : s.substr(dot + 1);
    auto digits_only = [](std::string_view d) {
        return std::all_of(d.begin(), d.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    // Up to a day, so the arithmetic below cannot overflow.
    if (whole.empty() || whole.size() > 8 || !digits_only(whole) || !digits_only(fraction) ||
        (dot != std::string_view::npos && fraction.empty())) {
        return std::nullopt;
    }
    long long ms = std::stoll(std::string(whole)) * per_unit;
    long long scale = per_unit;
    for (const char c : fraction) {
        scale /= 10;
        if (scale == 0) {
            return std::nullopt;  // finer than a millisecond
        }
        ms += (c - '0') * scale;
    }
    if (ms > 86'400'000) {
        return std::nullopt;
    }
    return Millis{ms};
}

std::optional<float> parse_pixels(const Token& token) {
    if (token.quoted || token.text.empty()) {
        return std::nullopt;
    }
    const char* begin = token.text.data();
    const char* end = begin + token.text.size();
    if (*begin == '+') {
        ++begin;
    }
    float value = 0;
    const auto [ptr, ec] = std::from_chars(begin, end, value);
    if (ec != std::errc{} || ptr != end || value < -16384 || value > 16384) {
        return std::nullopt;
    }
    return value;
}

struct Grammar {
    std::string_view name;
    ActionKind kind;
    std::string_view example;
};

constexpr Grammar kGrammar[] = {
    {"tap", ActionKind::tap, "tap \"Türkçe\"  or  tap \"nav.back\""},
    {"hold", ActionKind::hold, "hold \"staff.entry\" 3s"},
    {"type", ActionKind::type, "type \"Ayşe\""},
    {"drag", ActionKind::drag, "drag 0 -600"},
    {"fling", ActionKind::fling, "fling 0 -600"},
    {"wait", ActionKind::wait, "wait 500ms"},
    {"expect", ActionKind::expect, "expect \"Onay\""},
    {"expect-screen", ActionKind::expect_screen, "expect-screen review"},
    {"screenshot", ActionKind::screenshot, "screenshot out/step3.png"},
    {"idle", ActionKind::idle, "idle 95s"},
};

// One action from its tokens (at least one). Returns an error message, or nothing.
std::optional<std::string> parse_action(const std::vector<Token>& tokens, ScriptAction& action) {
    const Token& verb = tokens.front();
    const Grammar* grammar = nullptr;
    for (const Grammar& g : kGrammar) {
        if (!verb.quoted && verb.text == g.name) {
            grammar = &g;
        }
    }
    if (grammar == nullptr) {
        std::string known;
        for (const Grammar& g : kGrammar) {
            known += (known.empty() ? "" : ", ") + std::string(g.name);
        }
        return "unknown action '" + verb.text + "' (actions: " + known + ")";
    }
    action.kind = grammar->kind;
    const std::string usage = "; write it as: " + std::string(grammar->example);
    const std::size_t args = tokens.size() - 1;
    auto string_arg = [&](const Token& t, bool may_be_bare) -> std::optional<std::string> {
        if (!t.quoted && !may_be_bare) {
            return "'" + t.text + "' must be in double quotes" + usage;
        }
        if (t.text.empty()) {
            return "the text is empty" + usage;
        }
        if (!i18n::is_valid_utf8(t.text)) {
            return std::string("the text is not valid UTF-8");
        }
        action.text = t.text;
        return std::nullopt;
    };
    auto duration_arg = [&](const Token& t, bool may_be_zero) -> std::optional<std::string> {
        const auto d = parse_duration(t);
        if (!d) {
            return "'" + t.text +
                   "' is not a duration: a whole number of ms, or seconds with up to three "
                   "decimals, with its unit (500ms, 3s, 1.5s)";
        }
        if (!may_be_zero && d->count() == 0) {
            return grammar->name == "hold" ? std::string("a hold must last longer than 0 ms")
                                           : std::string("an idle jump must be longer than 0 ms");
        }
        action.duration = *d;
        return std::nullopt;
    };

    switch (action.kind) {
        case ActionKind::tap:
        case ActionKind::type:
        case ActionKind::expect:
            if (args != 1) {
                return std::string(grammar->name) + " takes one quoted string" + usage;
            }
            return string_arg(tokens[1], false);
        case ActionKind::expect_screen:
        case ActionKind::screenshot:
            if (args != 1) {
                return std::string(grammar->name) + " takes one name" + usage;
            }
            return string_arg(tokens[1], true);
        case ActionKind::hold:
            if (args != 2) {
                return "hold takes a quoted string and a duration" + usage;
            }
            if (auto bad = string_arg(tokens[1], false)) {
                return bad;
            }
            return duration_arg(tokens[2], false);
        case ActionKind::wait:
        case ActionKind::idle:
            if (args != 1) {
                return std::string(grammar->name) + " takes one duration" + usage;
            }
            return duration_arg(tokens[1], action.kind == ActionKind::wait);
        case ActionKind::drag:
        case ActionKind::fling: {
            if (args != 2) {
                return std::string(grammar->name) + " takes two distances in pixels, dx and dy" +
                       usage;
            }
            const auto dx = parse_pixels(tokens[1]);
            const auto dy = parse_pixels(tokens[2]);
            if (!dx || !dy) {
                return "'" + tokens[dx ? 2 : 1].text + "' is not a distance in pixels" + usage;
            }
            if (*dx == 0 && *dy == 0) {
                return "a " + std::string(grammar->name) + " must move: dx and dy are both 0";
            }
            action.dx = *dx;
            action.dy = *dy;
            return std::nullopt;
        }
    }
    return std::nullopt;
}

}  // namespace

std::string_view action_name(ActionKind kind) {
    for (const Grammar& g : kGrammar) {
        if (g.kind == kind) {
            return g.name;
        }
    }
    return "?";
}

Result<Script> parse_script(std::string_view text) {
    if (text.starts_with("\xEF\xBB\xBF")) {
        text.remove_prefix(3);  // a byte order mark some editors write
    }
    Script script;
    std::string errors;
    int number = 0;
    while (!text.empty()) {
        ++number;
        const std::size_t eol = text.find('\n');
        std::string_view line = text.substr(0, eol);
        text = eol == std::string_view::npos ? std::string_view{} : text.substr(eol + 1);
        if (line.ends_with('\r')) {
            line.remove_suffix(1);
        }
        std::vector<Token> tokens;
        ScriptAction action;
        auto bad = tokenize(line, tokens, action.source);
        if (!bad && tokens.empty()) {
            continue;  // blank or comment
        }
        if (!bad) {
            bad = parse_action(tokens, action);
        }
        if (bad) {
            errors +=
                (errors.empty() ? "" : "\n") + ("line " + std::to_string(number) + ": " + *bad);
            continue;
        }
        const std::size_t first = action.source.find_first_not_of(" \t");
        action.source.erase(0, first);
        action.line = number;
        script.actions.push_back(std::move(action));
    }
    if (!errors.empty()) {
        return make_error("script.syntax", errors);
    }
    return script;
}

Result<Script> load_script(const std::filesystem::path& path) {
    const auto text = i18n::read_file_bytes(path);
    if (!text) {
        return make_error("script.read", "cannot read the script: " + text.error().message);
    }
    return parse_script(*text);
}

// [SECTION] Targets and keys

Result<ui::HitTarget> find_target(const ui::HitMap& hits, std::string_view name) {
    if (const ui::HitTarget* by_id = hits.find_id(name)) {
        return *by_id;
    }
    std::vector<const ui::HitTarget*> labelled;
    for (const ui::HitTarget& t : hits.targets) {
        if (t.label == name) {
            labelled.push_back(&t);
        }
    }
    if (labelled.empty()) {
        return make_error("script.no_target", "nothing on the screen has the id or label \"" +
                                                  std::string(name) + "\"");
    }
    if (labelled.size() > 1) {
        std::string ids;
        for (const ui::HitTarget* t : labelled) {
            ids += (ids.empty() ? "" : ", ") + t->id;
        }
        return make_error("script.ambiguous", std::to_string(labelled.size()) +
                                                  " targets are labelled \"" + std::string(name) +
                                                  "\" (" + ids + "): tap one by its id");
    }
    return *labelled.front();
}

Result<platform::PointerSample> touch_point(const ui::HitMap& hits, const ui::HitTarget& target) {
    ui::Rect r = target.rect;
    if (hits.display_w > 0 && hits.display_h > 0) {
        const float x0 = std::max(r.x, 0.0F);
        const float y0 = std::max(r.y, 0.0F);
        const float x1 = std::min(r.x + r.w, hits.display_w);
        const float y1 = std::min(r.y + r.h, hits.display_h);
        r = ui::Rect{x0, y0, x1 - x0, y1 - y0};
    }
    if (r.w <= 0 || r.h <= 0) {
        return make_error("script.off_screen", "\"" + target.id + "\" is not on the display");
    }
    return platform::PointerSample{r.center_x(), r.center_y(), false};
}

std::string key_id(char32_t c) {
    if (c == U' ') {
        return "osk.space";
    }
    if (c == U'\u200C') {
        return "osk.zwnj";
    }
    return "osk.key." + ui::code_point_name(c);
}

namespace {

// "U+00E7 'ç'" (the character itself only where it is visible).
std::string describe_char(char32_t c) {
    std::string out = ui::code_point_name(c);
    if (c > U' ' && c != U'\u200C' && c != U'\u200D' && c != U'\u00A0') {
        out += " '";
        i18n::append_utf8(out, c);
        out += "'";
    }
    return out;
}

bool has_prefix_target(const ui::HitMap& hits, std::string_view prefix) {
    return std::any_of(hits.targets.begin(), hits.targets.end(),
                       [prefix](const ui::HitTarget& t) { return t.id.starts_with(prefix); });
}

// A keyboard has a handful of layouts; more presses than this means the layout name is not
// changing and the search would never end.
constexpr std::size_t kMaxLayoutPresses = 16;

}  // namespace

Result<KeyPlanner::Tap> KeyPlanner::next(const ui::HitMap& hits, std::string_view layout) {
    if (!has_prefix_target(hits, "osk.")) {
        return make_error("script.no_keyboard",
                          "no on-screen keyboard is shown: tap a text field first");
    }
    if (visited_.empty() || layout != layout_) {
        if (std::find(visited_.begin(), visited_.end(), layout) != visited_.end()) {
            std::string names;
            for (const std::string& l : visited_) {
                names += (names.empty() ? "" : ", ") + (l.empty() ? std::string("?") : l);
            }
            return make_error("script.cannot_type", "cannot type " + describe_char(c_) +
                                                        ": no key for it on the keyboard layouts " +
                                                        names +
                                                        " (each tried with and without shift)");
        }
        layout_ = std::string(layout);
        visited_.push_back(layout_);
        shift_tried_ = false;
    }
    const std::string id = key_id(c_);
    if (hits.find_id(id) != nullptr) {
        return Tap{id, true};
    }
    // A key that shows the character, whatever its id says.
    std::string glyph;
    i18n::append_utf8(glyph, c_);
    for (const ui::HitTarget& t : hits.targets) {
        if (t.id.starts_with("osk.key.") && t.label == glyph) {
            return Tap{t.id, true};
        }
    }
    if (!shift_tried_ && hits.find_id("osk.shift") != nullptr) {
        shift_tried_ = true;
        return Tap{"osk.shift", false};
    }
    if (hits.find_id("osk.layout") != nullptr) {
        // Seen on the next call: a layout not visited yet is searched, a visited one ends it.
        if (++layout_presses_ > kMaxLayoutPresses) {
            return make_error(
                "script.cannot_type",
                "cannot type " + describe_char(c_) + ": the layout key does not change the layout");
        }
        return Tap{"osk.layout", false};
    }
    return make_error("script.cannot_type", "cannot type " + describe_char(c_) +
                                                ": no key for it on the keyboard layout " +
                                                (layout_.empty() ? std::string("?") : layout_) +
                                                " and no key to change the layout");
}

// [SECTION] Runner

namespace {
// No finger on the glass: where ImGui expects "no pointer".
constexpr platform::PointerSample kNoFinger{-FLT_MAX, -FLT_MAX, false};
}  // namespace

std::int64_t OffsetClock::unix_seconds() const {
    return base_->unix_seconds() +
           std::chrono::duration_cast<std::chrono::seconds>(offset_).count();
}

std::string describe(const ScriptFailure& failure) {
    std::string out = "kiosk: script line " + std::to_string(failure.line) + ": " + failure.source +
                      "\n  error: " + failure.error + "\n  screen: " + failure.screen +
                      "\n  targets:";
    if (failure.targets.empty()) {
        out += " none";
    }
    for (const ui::HitTarget& t : failure.targets) {
        out += "\n    " + t.id + "  \"" + t.label + "\"";
    }
    out += "\n  text drawn:";
    if (failure.drawn.empty()) {
        out += " none";
    }
    for (const std::string& s : failure.drawn) {
        out += "\n    \"" + s + "\"";
    }
    return out + "\n";
}

ScriptRunner::ScriptRunner(Script script) : script_(std::move(script)), finger_(kNoFinger) {}

void ScriptRunner::fail(const ScriptAction& action, std::string error, const FrameSeen& seen) {
    ScriptFailure f;
    f.line = action.line;
    f.source = action.source;
    f.error = std::move(error);
    if (seen.hits != nullptr) {
        f.screen = seen.hits->screen;
        const ui::Rect display{0, 0, seen.hits->display_w, seen.hits->display_h};
        for (const ui::HitTarget& t : seen.hits->targets) {
            if (display.w <= 0 || t.rect.overlaps(display)) {
                f.targets.push_back(t);
            }
        }
    }
    f.drawn.assign(seen.drawn.begin(), seen.drawn.end());
    failure_ = std::move(f);
    // The finger lifts: a failing script leaves nothing pressed.
    finger_.down = false;
}

void ScriptRunner::screenshot_failed(const Error& error, const FrameSeen& seen) {
    assert(screenshot_index_ < script_.actions.size() && "no screenshot was asked for");
    fail(script_.actions[screenshot_index_], error.code + ": " + error.message, seen);
}

void ScriptRunner::finish_action() {
    ++index_;
    phase_ = Phase::start;
}

void ScriptRunner::begin_settle() {
    phase_ = Phase::settle;
    settle_frames_ = 0;
    quiet_frames_ = 0;
}

bool ScriptRunner::queue_tap(const ScriptAction& action, const ui::HitTarget& target, Millis hold,
                             const FrameSeen& seen) {
    const auto at = touch_point(*seen.hits, target);
    if (!at) {
        fail(action, at.error().message, seen);
        return false;
    }
    platform::PointerSample down = *at;
    down.down = true;
    // ImGui 1.86 sees a tap across frames: over the target, pressed, released; then the lifted
    // finger is nowhere (so a second tap on the same spot moves there again).
    touches_ = {Touch{*at, Millis{0}}, Touch{down, hold}, Touch{*at, Millis{0}},
                Touch{kNoFinger, Millis{0}}};
    phase_ = Phase::guard;
    return true;
}

void ScriptRunner::queue_drag(const ScriptAction& action, const FrameSeen& seen,
                              int still_frames) {
    const ui::HitMap& hits = *seen.hits;
    platform::PointerSample from{hits.display_w / 2, hits.display_h / 2, false};
    for (const ui::HitTarget& t : hits.targets) {
        if (t.id.starts_with("scroll.")) {
            if (const auto at = touch_point(hits, t)) {
                from = *at;
            }
            break;
        }
    }
    touches_.clear();
    touches_.push_back(Touch{from, Millis{0}});
    platform::PointerSample p = from;
    p.down = true;
    touches_.push_back(Touch{p, Millis{0}});
    // A finger stays on the glass: a drag longer than the display stops at its edge.
    auto on_glass = [](float v, float size) {
        return size > 0 ? std::clamp(v, 0.0F, size - 1) : v;
    };
    for (int i = 1; i <= kDragFrames; ++i) {
        const float f = static_cast<float>(i) / static_cast<float>(kDragFrames);
        p.x = on_glass(from.x + action.dx * f, hits.display_w);
        p.y = on_glass(from.y + action.dy * f, hits.display_h);
        touches_.push_back(Touch{p, Millis{0}});
    }
    for (int i = 0; i < still_frames; ++i) {
        touches_.push_back(Touch{p, Millis{0}});
    }
    p.down = false;
    touches_.push_back(Touch{p, Millis{0}});
    touches_.push_back(Touch{kNoFinger, Millis{0}});
    phase_ = Phase::guard;
}

void ScriptRunner::start(const FrameSeen& seen, FrameRequest& request) {
    const ScriptAction& action = script_.actions[index_];
    switch (action.kind) {
        case ActionKind::tap:
        case ActionKind::hold: {
            const auto target = find_target(*seen.hits, action.text);
            if (!target) {
                fail(action, target.error().message, seen);
                return;
            }
            queue_tap(action, *target,
                      action.kind == ActionKind::hold ? action.duration : Millis{0}, seen);
            return;
        }
        case ActionKind::type: {
            to_type_.clear();
            for (const i18n::CodePoint& cp : i18n::decode_utf8(action.text)) {
                to_type_.push_back(cp.value);
            }
            typed_ = 0;
            planner_.reset();
            key_types_ = false;
            phase_ = Phase::type_key;
            return;
        }
        case ActionKind::drag:
            queue_drag(action, seen, kDragStillFrames);
            return;
        case ActionKind::fling:
            queue_drag(action, seen, 0);
            return;
        case ActionKind::wait:
            wait_until_ = seen.now + action.duration;
            phase_ = Phase::wait;
            return;
        case ActionKind::expect: {
            const bool seen_text = std::any_of(
                seen.drawn.begin(), seen.drawn.end(),
                [&](const std::string& s) { return s.find(action.text) != std::string::npos; });
            if (!seen_text) {
                fail(action, "\"" + action.text + "\" was not drawn in the last frame", seen);
                return;
            }
            finish_action();
            return;
        }
        case ActionKind::expect_screen:
            if (seen.hits->screen != action.text) {
                fail(action, "the screen is '" + seen.hits->screen + "', not '" + action.text + "'",
                     seen);
                return;
            }
            finish_action();
            return;
        case ActionKind::screenshot:
            request.screenshot = action.text;
            screenshot_index_ = index_;
            finish_action();
            return;
        case ActionKind::idle:
            request.advance = action.duration;
            begin_settle();
            return;
    }
}

FrameRequest ScriptRunner::after_frame(const FrameSeen& seen) {
    assert(seen.hits != nullptr && "FrameSeen without a hit map");
    FrameRequest request;
    // Each pass either returns (the next frame is needed) or moves to another phase; actions
    // that need no frame (expect, expect-screen) finish in the same call.
    while (!done()) {
        if (phase_ == Phase::start) {
            if (index_ >= script_.actions.size()) {
                finished_ = true;
                break;
            }
            start(seen, request);
            if (request.screenshot || request.advance.count() > 0) {
                break;  // one screenshot or clock jump per frame
            }
            continue;
        }
        if (phase_ == Phase::guard) {
            // A person cannot tap faster than the double-tap guard after a screen change
            // (core::kScreenChangeGuard); a script that did would see its taps dropped.
            if (seen.now - seen.screen_since < core::kScreenChangeGuard) {
                break;
            }
            phase_ = Phase::touch;
            continue;
        }
        if (phase_ == Phase::touch) {
            if (touches_.empty()) {
                begin_settle();  // `seen` is the frame of the last touch
                continue;
            }
            const Touch& touch = touches_.front();
            if (touch.hold.count() > 0) {
                if (!hold_until_) {
                    hold_until_ = seen.now + touch.hold;
                    finger_ = touch.finger;
                    break;
                }
                if (seen.now < *hold_until_) {
                    break;
                }
                hold_until_.reset();
                touches_.pop_front();
                continue;
            }
            finger_ = touch.finger;
            touches_.pop_front();
            break;
        }
        if (phase_ == Phase::settle) {
            ++settle_frames_;
            quiet_frames_ = seen.quiet ? quiet_frames_ + 1 : 0;
            const bool settled = settle_frames_ >= kSettleFrames && quiet_frames_ >= kQuietFrames;
            if (!settled && settle_frames_ < kMaxSettleFrames) {
                break;
            }
            if (index_ < script_.actions.size() &&
                script_.actions[index_].kind == ActionKind::type && !to_type_.empty()) {
                phase_ = Phase::type_key;
            } else if (started_) {
                finish_action();
            } else {
                phase_ = Phase::start;  // the first screen has settled
            }
            started_ = true;
            continue;
        }
        if (phase_ == Phase::wait) {
            if (seen.now < wait_until_) {
                break;
            }
            finish_action();
            continue;
        }
        if (phase_ == Phase::type_key) {
            const ScriptAction& action = script_.actions[index_];
            if (key_types_) {
                ++typed_;  // the key just tapped typed the character
                key_types_ = false;
                planner_.reset();
            }
            if (typed_ == to_type_.size()) {
                to_type_.clear();
                finish_action();
                continue;
            }
            if (!planner_) {
                planner_.emplace(to_type_[typed_]);
            }
            const auto tap = planner_->next(*seen.hits, seen.keyboard_layout);
            if (!tap) {
                fail(action, tap.error().message, seen);
                break;
            }
            const ui::HitTarget* target = seen.hits->find_id(tap->id);
            assert(target != nullptr && "KeyPlanner chose a key that is not on the screen");
            key_types_ = tap->types;
            queue_tap(action, *target, Millis{0}, seen);
            continue;
        }
    }
    request.finger = finger_;
    return request;
}

}  // namespace kiosk::app
