// The scripted end-to-end driver (kiosk --script FILE): a plain-text script of actions a person
// would take (tap, hold, type through the on-screen keyboard, drag, wait) and checks (expect,
// expect-screen), run against the real window with a synthetic finger. The format is in
// README.md, "Scripted runs".
//
// The parts are split so that all decisions are tested without a window: parse_script() turns
// text into actions; ScriptRunner is a state machine that sees each drawn frame (its hit map and
// the strings drawn) and answers with the finger for the next frame; KeyPlanner decides which
// keys of the on-screen keyboard type a character. The frame loop (kiosk_loop.cpp) only moves
// data between them and the window.
#pragma once

#include <cstdint>
#include <deque>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/clock.hpp"
#include "kiosk/core/result.hpp"
#include "kiosk/ui/hit_map.hpp"
#include "platform/touch_pointer.hpp"

namespace kiosk::app {

// [SECTION] Scripts

enum class ActionKind {
    tap,
    hold,
    type,
    drag,
    fling,
    wait,
    expect,
    expect_screen,
    screenshot,
    idle
};

struct ScriptAction {
    ActionKind kind = ActionKind::wait;
    int line = 0;        // 1-based line of the script file
    std::string source;  // the line as written, without its comment, for failure reports
    std::string text;  // tap/hold: target; type/expect: text; expect-screen: name; screenshot: path
    float dx = 0;      // drag, fling: pixels
    float dy = 0;
    Millis duration{0};  // hold, wait, idle
};

struct Script {
    std::vector<ScriptAction> actions;
};

// Parses a script. Error "script.syntax" listing every bad line as "line N: <what is wrong>"
// (one per line of the message).
Result<Script> parse_script(std::string_view text);

// Reads and parses the file. Error "script.read" when it cannot be read, else parse_script's.
Result<Script> load_script(const std::filesystem::path& path);

// The name of an action as written in scripts ("expect-screen").
std::string_view action_name(ActionKind kind);

// [SECTION] Finding what to touch

// The hit target called `name`: by stable id first, else by visible label. Error
// "script.no_target" when neither matches, "script.ambiguous" when several targets carry the
// label (their ids are listed: tap one by id).
Result<ui::HitTarget> find_target(const ui::HitMap& hits, std::string_view name);

// Where a finger touches `target`: the centre of the part of it on the display. Error
// "script.off_screen" when none of it is.
Result<platform::PointerSample> touch_point(const ui::HitMap& hits, const ui::HitTarget& target);

// The on-screen keyboard key that types `c` now: "osk.space", "osk.zwnj", or "osk.key.U+XXXX"
// (text_field.hpp's hit ids).
std::string key_id(char32_t c);

// Types one character through the on-screen keyboard, one tap at a time: its key if the
// keyboard shows it; else shift; else the next layout (each layout at most once, unshifted and
// shifted). Fed the hit map and layout after each tap has settled.
class KeyPlanner {
  public:
    explicit KeyPlanner(char32_t c) : c_(c) {}

    struct Tap {
        std::string id;      // the hit target to tap
        bool types = false;  // this tap types the character (the planner is then done)
    };
    // The next tap. Error "script.no_keyboard" when no keyboard is shown (no "osk." target),
    // "script.cannot_type" when every layout was tried.
    Result<Tap> next(const ui::HitMap& hits, std::string_view layout);

  private:
    char32_t c_;
    std::string layout_;                // the layout being searched
    std::vector<std::string> visited_;  // layouts searched, in order
    bool shift_tried_ = false;          // on layout_
    std::size_t layout_presses_ = 0;
};

// [SECTION] Running

// Monotonic and wall time of `base` plus an offset that `idle` moves forward: the session's
// timers see the time jump, nothing sleeps.
class OffsetClock final : public Clock {
  public:
    explicit OffsetClock(const Clock& base) : base_(&base) {}
    Millis monotonic() const override { return base_->monotonic() + offset_; }
    std::int64_t unix_seconds() const override;
    void advance(Millis by) { offset_ += by; }

  private:
    const Clock* base_;
    Millis offset_{0};
};

// What a frame showed, for the runner.
struct FrameSeen {
    const ui::HitMap* hits = nullptr;    // its tappable targets and screen name
    std::span<const std::string> drawn;  // the strings drawn (TextRenderer::take_drawn)
    Millis now{0};                       // the app's monotonic time (OffsetClock)
    Millis screen_since{0};              // when the session's screen last changed
    bool quiet = false;                // changed nothing: no intents, nothing moving, nothing held
    std::string_view keyboard_layout;  // the on-screen keyboard's layout (Session::keyboard)
};

// What the runner wants for the next frame.
struct FrameRequest {
    platform::PointerSample finger;  // the synthetic finger (off-screen when not touching)
    Millis advance{0};               // add to the app's clock first (idle)
    std::optional<std::filesystem::path> screenshot;  // write the frame just drawn here
};

struct ScriptFailure {
    int line = 0;
    std::string source;
    std::string error;
    std::string screen;                  // of the last frame
    std::vector<ui::HitTarget> targets;  // of the last frame
    std::vector<std::string> drawn;      // of the last frame (for expect)
};

// The failure as printed by the kiosk: the line, the error, the screen and its targets.
std::string describe(const ScriptFailure& failure);

class ScriptRunner {
  public:
    // Frames that must pass after an action's input before the next starts, and how many of
    // the last ones must be quiet (one frame applies intents, the next draws the new screen,
    // one more uses the layout measured in it).
    static constexpr int kSettleFrames = 3;
    static constexpr int kQuietFrames = 2;
    // An action whose screen never settles (an endless animation) goes on after this many.
    static constexpr int kMaxSettleFrames = 600;
    // A drag: frames from the start to the end point, then frames held still before lifting
    // (so the list scrolls by the distance dragged, without a fling). A fling lifts on the
    // last frame of motion, so the list glides on.
    static constexpr int kDragFrames = 12;
    static constexpr int kDragStillFrames = 3;

    explicit ScriptRunner(Script script);

    // Called after every frame is drawn and its intents applied; returns what the next frame
    // needs. The first frames settle before the first action.
    FrameRequest after_frame(const FrameSeen& seen);

    // The screenshot of the last request could not be written: the script fails there.
    void screenshot_failed(const Error& error, const FrameSeen& seen);

    bool finished() const { return finished_; }
    const std::optional<ScriptFailure>& failure() const { return failure_; }
    bool done() const { return finished_ || failure_.has_value(); }

  private:
    enum class Phase { start, guard, touch, settle, wait, type_key };

    struct Touch {
        platform::PointerSample finger;
        Millis hold{0};  // keep this sample for so long (0: one frame)
    };

    void fail(const ScriptAction& action, std::string error, const FrameSeen& seen);
    void start(const FrameSeen& seen, FrameRequest& request);
    void finish_action();
    void begin_settle();
    // Queues the touches of a tap (move, press, release) on a target, then guard and settle.
    bool queue_tap(const ScriptAction& action, const ui::HitTarget& target, Millis hold,
                   const FrameSeen& seen);
    void queue_drag(const ScriptAction& action, const FrameSeen& seen, int still_frames);

    Script script_;
    std::size_t index_ = 0;
    Phase phase_ = Phase::settle;  // the first frames settle the first screen
    std::deque<Touch> touches_;
    std::optional<Millis> hold_until_;  // of touches_.front(), once it is shown
    int settle_frames_ = 0;
    int quiet_frames_ = 0;
    Millis wait_until_{0};
    std::vector<char32_t> to_type_;
    std::size_t typed_ = 0;
    std::optional<KeyPlanner> planner_;
    bool key_types_ = false;  // the key being tapped types the character
    platform::PointerSample finger_;
    std::size_t screenshot_index_ = 0;  // the action that asked for the last screenshot
    bool started_ = false;              // the first screen has settled
    bool finished_ = false;
    std::optional<ScriptFailure> failure_;
};

}  // namespace kiosk::app
