// Screen::Languages: the languages a person knows, each with how well they speak it (CEFR A1-C2)
// and how well they write it (does not write, A1-C2), and "add a language".
//
// Adding is a mode that follows from the draft (there is no session flag): "add a language"
// appends an entry with no code yet, and while the last entry has no code the screen shows the
// searchable list of ISO 639-3 languages (names from iso-codes in the person's language) in
// place of the entries; picking one sets its code, "cancel" drops the entry. With nothing typed,
// the languages most refugees and migrants at our centres speak come first (kCommonLanguages);
// languages already listed are not offered again.
#include <array>
#include <string>

#include "kiosk/ui/step_page.hpp"
#include "kiosk/ui/step_parts.hpp"
#include "kiosk/ui/text_field.hpp"
#include "kiosk/ui/touch_list.hpp"
#include "kiosk/ui/views.hpp"

namespace kiosk::ui {

namespace {

// Arabic, Dari and Persian, Pashto, Kurmanji and Sorani Kurdish, Turkish, Ukrainian, Russian,
// Somali, Tigrinya, Urdu, then English and French (often learned at school or on the way).
constexpr std::array<std::string_view, 14> kCommonLanguages = {"ara", "prs", "fas", "pus", "kmr",
                                                               "ckb", "tur", "ukr", "rus", "som",
                                                               "tir", "urd", "eng", "fra"};

constexpr std::array kSpoken = {core::Cefr::A1, core::Cefr::A2, core::Cefr::B1,
                                core::Cefr::B2, core::Cefr::C1, core::Cefr::C2};
constexpr std::array kWritten = {
    core::Written::DoesNotWrite, core::Written::A1, core::Written::A2, core::Written::B1,
    core::Written::B2,           core::Written::C1, core::Written::C2};

const std::string& cefr_label(const ViewContext& ctx, core::Cefr level) {
    switch (level) {
        case core::Cefr::A1:
            return ctx.text("reg.cefr.A1");
        case core::Cefr::A2:
            return ctx.text("reg.cefr.A2");
        case core::Cefr::B1:
            return ctx.text("reg.cefr.B1");
        case core::Cefr::B2:
            return ctx.text("reg.cefr.B2");
        case core::Cefr::C1:
            return ctx.text("reg.cefr.C1");
        case core::Cefr::C2:
            break;
    }
    return ctx.text("reg.cefr.C2");
}

const std::string& written_label(const ViewContext& ctx, core::Written level) {
    if (level == core::Written::DoesNotWrite) {
        return ctx.text("reg.languages_written.does_not_write");
    }
    // The written levels after "does not write" are the CEFR levels in the same order.
    return cefr_label(ctx, kSpoken[static_cast<std::size_t>(level) - 1]);
}

bool adding(const core::Registration& draft) {
    return !draft.languages.empty() && draft.languages.back().code.empty();
}

// The list of languages to pick the new (last) entry's code from, and "cancel".
void draw_picker(const core::Session& session, const ViewContext& ctx, ImVec2 area,
                 std::vector<core::Intent>& out) {
    const float top = ImGui::GetCursorPosY();
    const auto& languages = session.draft.languages;
    const std::size_t last = languages.size() - 1;
    std::vector<std::string> chosen;
    for (std::size_t i = 0; i < last; ++i) {
        chosen.push_back(languages[i].code);
    }
    if (entry_header(ctx, ctx.text("reg.languages.add"), "languages.cancel",
                     ctx.text("common.cancel"))) {
        core::Registration edited = session.draft;
        edited.languages.pop_back();
        push_draft(out, std::move(edited));
        if (session.focus) {
            out.emplace_back(core::CloseKeyboard{});
        }
    }
    field_error(session, ctx, "languages[" + std::to_string(last) + "].code");
    const auto items = iso_items(session, ctx, ctx.iso_languages, kCommonLanguages, chosen);
    const float list_h = area.y - (ImGui::GetCursorPosY() - top);
    if (const auto code = search_list(session, ctx, "languages.list", items, list_h, out)) {
        core::Registration edited = session.draft;
        edited.languages.back().code = *code;
        push_draft(out, std::move(edited));
        if (session.focus) {
            out.emplace_back(core::CloseKeyboard{});
        }
    }
}

// One language: its name and "remove", then the two level questions.
void draw_entry(const core::Session& session, const ViewContext& ctx, std::size_t i,
                std::vector<core::Intent>& out) {
    const core::LanguageSkill& skill = session.draft.languages[i];
    const std::string path = "languages[" + std::to_string(i) + "]";
    if (entry_header(ctx, iso_name(ctx.iso_languages, skill.code), path + ".remove",
                     ctx.text("reg.entry.remove"))) {
        core::Registration edited = session.draft;
        edited.languages.erase(edited.languages.begin() + static_cast<std::ptrdiff_t>(i));
        push_draft(out, std::move(edited));
    }
    field_error(session, ctx, path + ".code");
    if (const auto spoken = choice_question(session, ctx, ctx.text("reg.languages_spoken.label"),
                                            path + ".spoken", kSpoken, skill.spoken, cefr_label)) {
        core::Registration edited = session.draft;
        edited.languages[i].spoken = *spoken;
        push_draft(out, std::move(edited));
    }
    if (const auto written =
            choice_question(session, ctx, ctx.text("reg.languages_written.label"),
                            path + ".written", kWritten, skill.written, written_label)) {
        core::Registration edited = session.draft;
        edited.languages[i].written = *written;
        push_draft(out, std::move(edited));
    }
    entry_separator(ctx);
}

}  // namespace

void draw_languages(const core::Session& session, const ViewContext& ctx,
                    std::vector<core::Intent>& out) {
    const ImVec2 area = begin_step_page(session, ctx, "reg.languages.title");
    if (adding(session.draft)) {
        draw_picker(session, ctx, area, out);
        end_step_page(session, ctx, out);
        return;
    }
    begin_touch_scroll(ctx, "languages.scroll", area);
    for (std::size_t i = 0; i < session.draft.languages.size(); ++i) {
        draw_entry(session, ctx, i, out);
    }
    const std::string& add = ctx.text("reg.languages.add");
    if (start_button(ctx, "languages.add", add, fitting_width(ctx, add))) {
        core::Registration edited = session.draft;
        edited.languages.emplace_back();  // no code yet: the list opens
        push_draft(out, std::move(edited));
    }
    field_error(session, ctx, "languages");
    end_touch_scroll(ctx, "languages.scroll");
    end_step_page(session, ctx, out);
}

}  // namespace kiosk::ui
