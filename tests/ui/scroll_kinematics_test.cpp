// The touch scrolling kinematics on their own (step_scroll): dragging, the release velocity,
// the fling's exponential slow-down, the ends, and the tap that stops a fling. No ImGui.
#include <gtest/gtest.h>

#include <cmath>

#include "kiosk/ui/touch_list.hpp"

namespace kiosk::ui {
namespace {

constexpr float kFrame = 1.0F / 60.0F;
constexpr float kMax = 5000;  // content 5000 px taller than the view

// Drives one list through frames of pointer input, as the ImGui side does.
struct Finger {
    ScrollState state;
    ScrollPhysics physics;
    float max_offset = kMax;

    ScrollStep press(float y, float dt = kFrame) {
        return step_scroll(state, {dt, y, true, true}, max_offset, physics);
    }
    ScrollStep move(float y, float dt = kFrame) {
        return step_scroll(state, {dt, y, true, false}, max_offset, physics);
    }
    ScrollStep lift(float y, float dt = kFrame) {
        return step_scroll(state, {dt, y, false, false}, max_offset, physics);
    }
    ScrollStep idle(float dt = kFrame) {
        return step_scroll(state, {dt, 0, false, false}, max_offset, physics);
    }
    // A finger moving at `speed` px/s (negative: upwards) for `frames` frames from `y`, then
    // lifting where the motion would take it next. Returns the lift's step.
    ScrollStep flick(float y, float speed, int frames, float dt = kFrame) {
        press(y, dt);
        for (int i = 1; i <= frames; ++i) {
            move(y + speed * dt * static_cast<float>(i), dt);
        }
        return lift(y + speed * dt * static_cast<float>(frames + 1), dt);
    }
    // Frames until the fling stops (or `limit`).
    int coast(int limit = 100000, float dt = kFrame) {
        int frames = 0;
        while (state.velocity != 0 && frames < limit) {
            idle(dt);
            ++frames;
        }
        return frames;
    }
};

TEST(ScrollKinematics, SmallWobbleIsATapAndDoesNotScroll) {
    Finger f;
    f.state.offset = 100;
    f.press(400);
    f.move(405);
    f.move(392);
    const ScrollStep lift = f.lift(396);
    EXPECT_FLOAT_EQ(f.state.offset, 100);
    EXPECT_TRUE(lift.lifted);
    EXPECT_TRUE(lift.tap);
    EXPECT_EQ(f.state.velocity, 0);
}

TEST(ScrollKinematics, ContentFollowsTheFingerOneToOneFromThePress) {
    Finger f;
    f.state.offset = 1000;
    f.press(500);
    f.move(490);  // within the threshold: nothing moves yet
    EXPECT_FLOAT_EQ(f.state.offset, 1000);
    EXPECT_FALSE(f.state.dragging);
    f.move(470);  // past it: the content jumps to where the finger is, measured from the press
    EXPECT_TRUE(f.state.dragging);
    EXPECT_FLOAT_EQ(f.state.offset, 1030);
    f.move(300);
    EXPECT_FLOAT_EQ(f.state.offset, 1200);
    f.move(650);  // back down past the press point
    EXPECT_FLOAT_EQ(f.state.offset, 850);
}

TEST(ScrollKinematics, ALiftAfterADragIsNotATap) {
    Finger f;
    f.press(500);
    f.move(400);
    f.move(400, 0.5F);  // held still, then lifted: no fling either
    const ScrollStep lift = f.lift(400);
    EXPECT_TRUE(lift.lifted);
    EXPECT_FALSE(lift.tap);
    EXPECT_EQ(f.state.velocity, 0);
    EXPECT_FALSE(f.state.held);
}

TEST(ScrollKinematics, ReleaseVelocityIsTheFingersSpeed) {
    Finger f;
    f.flick(700, -1200, 12);
    // Finger moving up at 1200 px/s: the content keeps moving the same way (offset grows).
    EXPECT_NEAR(f.state.velocity, 1200, 1);
    Finger down;
    down.state.offset = 3000;
    down.flick(100, 900, 12);
    EXPECT_NEAR(down.state.velocity, -900, 1);
}

TEST(ScrollKinematics, ReleaseVelocityComesFromTheLastHundredMilliseconds) {
    Finger f;
    f.press(700);
    float y = 700;
    for (int i = 0; i < 30; ++i) {  // half a second slowly
        y -= 200 * kFrame;
        f.move(y);
    }
    for (int i = 0; i < 8; ++i) {  // then fast
        y -= 2400 * kFrame;
        f.move(y);
    }
    f.lift(y - 2400 * kFrame);
    EXPECT_GT(f.state.velocity, 2400 * 0.85F);
    EXPECT_LE(f.state.velocity, 2400 * 1.01F);
}

TEST(ScrollKinematics, AFingerThatStopsBeforeLiftingDoesNotFling) {
    Finger f;
    f.press(700);
    for (int i = 1; i <= 10; ++i) {
        f.move(700 - 30 * static_cast<float>(i));
    }
    for (int i = 0; i < 9; ++i) {  // 150 ms held still
        f.move(400);
    }
    f.lift(400);
    EXPECT_EQ(f.state.velocity, 0);
}

TEST(ScrollKinematics, ARestBeforeTheLiftMeansStayHere) {
    // The scripted driver's drag: 600 px in 12 frames, three frames still, then the lift.
    Finger f;
    f.press(650);
    for (int i = 1; i <= 12; ++i) {
        f.move(650 - 50 * static_cast<float>(i));
    }
    for (int i = 0; i < 3; ++i) {
        f.move(50);
    }
    f.lift(50);
    EXPECT_EQ(f.state.velocity, 0);
    EXPECT_FLOAT_EQ(f.state.offset, 600);

    // One still frame is only a hitch in a flick: it still flings.
    Finger hitch;
    hitch.press(650);
    for (int i = 1; i <= 12; ++i) {
        hitch.move(650 - 50 * static_cast<float>(i));
    }
    hitch.move(50);
    hitch.lift(50);
    EXPECT_GT(hitch.state.velocity, 1000);
}

TEST(ScrollKinematics, AFlingSlowsDownExponentiallyAndComesToRest) {
    Finger f;
    f.flick(700, -2000, 10);
    const float v0 = f.state.velocity;
    const float start = f.state.offset;
    ASSERT_GT(v0, 1900);
    float previous_v = v0;
    for (int i = 0; i < 10; ++i) {
        f.idle();
        EXPECT_LT(f.state.velocity, previous_v);
        EXPECT_GT(f.state.velocity, 0);
        previous_v = f.state.velocity;
    }
    // After one second the speed is down by e^-friction.
    for (int i = 10; i < 60; ++i) {
        f.idle();
    }
    EXPECT_NEAR(f.state.velocity, v0 * std::exp(-f.physics.friction), 0.01F * v0);
    const int frames = f.coast();
    EXPECT_LT(frames, 60 * 5) << "a fling stops within a few seconds";
    EXPECT_EQ(f.state.velocity, 0);
    // It went (almost) the whole distance v0/k, minus the tail below the stop speed.
    const float travelled = f.state.offset - start;
    EXPECT_LT(travelled, v0 / f.physics.friction + 0.5F);
    EXPECT_GT(travelled, (v0 - f.physics.stop_speed) / f.physics.friction - 1);
    const float rest = f.state.offset;
    f.idle();
    EXPECT_EQ(f.state.offset, rest);
}

TEST(ScrollKinematics, AFlingGoesAsFarAtAnyFrameRate) {
    Finger slow;
    slow.state.velocity = 1500;
    slow.coast(100000, 1.0F / 30);
    Finger fast;
    fast.state.velocity = 1500;
    fast.coast(100000, 1.0F / 144);
    EXPECT_NEAR(slow.state.offset, fast.state.offset, 2.0F);
}

TEST(ScrollKinematics, TheOffsetStaysBetweenTheEnds) {
    Finger f;
    f.press(300);
    f.move(700);  // dragging the content down at the top
    EXPECT_EQ(f.state.offset, 0);
    f.move(250);  // and back up: it moves at once, no dead zone from the pull past the end
    EXPECT_FLOAT_EQ(f.state.offset, 450);
    f.lift(250, 1.0F);

    Finger end;
    end.state.offset = kMax - 100;
    end.press(700);
    end.move(300);
    EXPECT_EQ(end.state.offset, kMax);
}

TEST(ScrollKinematics, AFlingStopsAtTheEnd) {
    Finger f;
    f.state.offset = kMax - 50;
    f.flick(700, -3000, 6);
    EXPECT_LE(f.state.offset, kMax);
    f.coast(10);
    EXPECT_EQ(f.state.offset, kMax);
    EXPECT_EQ(f.state.velocity, 0);
}

TEST(ScrollKinematics, ContentThatFitsDoesNotScroll) {
    Finger f;
    f.max_offset = -200;  // the content is shorter than the view
    f.flick(700, -3000, 6);
    EXPECT_EQ(f.state.offset, 0);
    EXPECT_EQ(f.state.velocity, 0);
}

TEST(ScrollKinematics, AShrunkListClampsTheOffset) {
    Finger f;
    f.state.offset = 4000;
    f.max_offset = 600;  // a search left fewer rows
    f.idle();
    EXPECT_EQ(f.state.offset, 600);
}

TEST(ScrollKinematics, ATapDuringAFlingStopsItAndSelectsNothing) {
    Finger f;
    f.flick(700, -2000, 10);
    f.idle();
    f.idle();
    ASSERT_GT(f.state.velocity, 0);
    f.press(400);
    const float stopped_at = f.state.offset;
    EXPECT_EQ(f.state.velocity, 0);
    EXPECT_TRUE(f.state.caught);
    const ScrollStep lift = f.lift(400);
    EXPECT_TRUE(lift.lifted);
    EXPECT_FALSE(lift.tap);
    EXPECT_EQ(f.state.offset, stopped_at);
    f.idle();
    EXPECT_EQ(f.state.offset, stopped_at);
    // The next tap is an ordinary tap again.
    f.press(400);
    EXPECT_TRUE(f.lift(400).tap);
}

TEST(ScrollKinematics, AFlickIsCappedAtTheMaximumSpeed) {
    Finger f;
    f.flick(700, -60000, 3);
    EXPECT_FLOAT_EQ(f.state.velocity, f.physics.max_speed);
}

TEST(ScrollKinematics, AFingerDownThatLandedElsewhereIsIgnored) {
    Finger f;
    f.state.offset = 200;
    f.move(500);  // down, but the press did not land in this list
    f.move(100);
    const ScrollStep lift = f.lift(100);
    EXPECT_EQ(f.state.offset, 200);
    EXPECT_FALSE(lift.lifted);
    EXPECT_FALSE(lift.tap);
}

TEST(ScrollMemory, AnimatesWhileAListFlings) {
    ScrollMemory memory;
    EXPECT_FALSE(memory.animating());
    memory.at("a").offset = 10;
    EXPECT_FALSE(memory.animating());
    memory.at("b").velocity = 300;
    EXPECT_TRUE(memory.animating());
    memory.clear();
    EXPECT_FALSE(memory.animating());
    EXPECT_EQ(memory.at("b").velocity, 0);
}

TEST(VelocityTracker, TellsARestingFinger) {
    VelocityTracker t;
    t.add(0.00, 300);
    EXPECT_FALSE(t.still_for(0.04, 2)) << "one sample cannot tell";
    t.add(0.03, 200);
    t.add(0.05, 201);
    t.add(0.06, 200);
    EXPECT_FALSE(t.still_for(0.04, 2)) << "still for 30 ms only";
    t.add(0.08, 199);
    EXPECT_TRUE(t.still_for(0.04, 2));
    EXPECT_FALSE(t.still_for(0.04, 0.5F)) << "a wobble over the tolerance is motion";
}

TEST(VelocityTracker, NeedsTwoSamples) {
    VelocityTracker t;
    EXPECT_EQ(t.velocity(0.1), 0);
    t.add(1.0, 50);
    EXPECT_EQ(t.velocity(0.1), 0);
    t.add(1.05, 40);
    EXPECT_NEAR(t.velocity(0.1), -200, 0.01);
    t.clear();
    t.add(2.0, 0);
    EXPECT_EQ(t.velocity(0.1), 0);
}

}  // namespace
}  // namespace kiosk::ui
