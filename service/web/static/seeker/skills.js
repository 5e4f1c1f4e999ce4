// Skill autocomplete: a combobox with a listbox of suggestions from the service.

import { $, h } from "../shared/dom.js";
import { get } from "./api.js";
import { announce, fill } from "./format.js";
import { formatNumber, t } from "./i18n.js";
import { addSkills, commitPendingSkill, renderSkillTags } from "./profile.js";
import { SEPARATORS, persist, state } from "./state.js";

const suggest = { timer: 0, controller: null, items: [], active: -1, seq: 0 };

export function closeSuggestions() {
  window.clearTimeout(suggest.timer);
  suggest.items = [];
  suggest.active = -1;
  const input = $("skill-input");
  input.setAttribute("aria-expanded", "false");
  input.removeAttribute("aria-activedescendant");
  $("skill-list").hidden = true;
  fill($("skill-list"));
}

export function renderSuggestions() {
  const list = $("skill-list");
  const input = $("skill-input");
  if (!suggest.items.length) {
    closeSuggestions();
    return;
  }
  fill(
    list,
    ...suggest.items.map((item, index) =>
      h(
        "li",
        {
          id: `skill-option-${index}`,
          role: "option",
          class: "option",
          "aria-selected": index === suggest.active ? "true" : "false",
          "data-index": index,
        },
        h("span", { class: "option-skill", text: item.skill }),
        h("span", {
          class: "option-meta",
          text: item.positions
            ? t("form.suggestCount", { n: formatNumber(item.positions) })
            : t("form.suggestAlias"),
        }),
      ),
    ),
  );
  list.hidden = false;
  input.setAttribute("aria-expanded", "true");
  if (suggest.active >= 0) {
    input.setAttribute("aria-activedescendant", `skill-option-${suggest.active}`);
    $(`skill-option-${suggest.active}`)?.scrollIntoView({ block: "nearest" });
  } else {
    input.removeAttribute("aria-activedescendant");
  }
}

export async function fetchSuggestions(query) {
  const seq = ++suggest.seq;
  suggest.controller?.abort();
  suggest.controller = new AbortController();
  try {
    const response = await get(`/skills/suggest?q=${encodeURIComponent(query)}&limit=8`, {
      signal: suggest.controller.signal,
    });
    if (!response.ok) return;
    const data = await response.json();
    if (seq !== suggest.seq || $("skill-input").value.trim() !== query) return;
    const have = new Set(state.profile.skills.map((s) => s.toLowerCase()));
    suggest.items = (data.suggestions || []).filter(
      (item) => item.skill && !have.has(item.skill.toLowerCase()),
    );
    suggest.active = -1;
    renderSuggestions();
    if (suggest.items.length && document.activeElement === $("skill-input")) {
      announce(t("form.suggestionsCount", { n: suggest.items.length }));
    }
  } catch {
    /* suggestions are a help, not a need: typing still works */
  }
}

export function chooseSuggestion(index) {
  const item = suggest.items[index];
  if (!item) return;
  addSkills(item.skill);
  $("skill-input").value = "";
  closeSuggestions();
  $("skill-input").focus();
}

export function bindSkillInput() {
  const input = $("skill-input");
  input.addEventListener("input", () => {
    const value = input.value;
    if (SEPARATORS.test(value)) {
      const parts = value.split(SEPARATORS);
      const rest = parts.pop();
      addSkills(parts.join(","));
      input.value = rest.trimStart();
    }
    const query = input.value.trim();
    window.clearTimeout(suggest.timer);
    if (!query) {
      suggest.seq++;
      closeSuggestions();
      return;
    }
    suggest.timer = window.setTimeout(() => fetchSuggestions(query), 180);
  });
  input.addEventListener("keydown", (event) => {
    const open = !$("skill-list").hidden && suggest.items.length > 0;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!open) return;
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      const count = suggest.items.length;
      suggest.active = suggest.active < 0 && step < 0 ? count - 1 : (suggest.active + step + count) % count;
      renderSuggestions();
    } else if (event.key === "Enter") {
      if (event.isComposing) return;
      if (open && suggest.active >= 0) {
        event.preventDefault();
        chooseSuggestion(suggest.active);
      } else if (input.value.trim()) {
        event.preventDefault();
        commitPendingSkill();
      }
    } else if (event.key === "Escape") {
      if (open) {
        event.preventDefault();
        closeSuggestions();
      }
    } else if (event.key === "Backspace" && !input.value && !event.repeat && state.profile.skills.length) {
      // one press on an empty input takes the last tag; a key held to erase the word typed takes none
      state.profile.skills.pop();
      renderSkillTags();
      persist();
    }
  });
  input.addEventListener("blur", () => window.setTimeout(closeSuggestions, 150));
  const list = $("skill-list");
  list.addEventListener("mousedown", (event) => event.preventDefault());
  list.addEventListener("click", (event) => {
    const option = event.target.closest("[role=option]");
    if (option) chooseSuggestion(Number(option.dataset.index));
  });
  $("skill-tags").addEventListener("click", (event) => {
    const button = event.target.closest(".tag-remove");
    // the second tap of a double tap lands on the next tag, moved under the finger: it is no second removal
    if (!button || event.detail > 1) return;
    state.profile.skills.splice(Number(button.dataset.index), 1);
    renderSkillTags();
    persist();
    input.focus();
  });
  $("tagbox").addEventListener("click", (event) => {
    if (event.target === event.currentTarget) input.focus();
  });
}
