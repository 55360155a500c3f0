package dev.baton.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The UI shell: sign-in page and the start page. */
@Controller
class ShellController {

    private final SignInSettings signIn;

    ShellController(SignInSettings signIn) {
        this.signIn = signIn;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("pauseMinutes", signIn.window().toMinutes());
        return "login";
    }

    /** A person's day starts in their inbox. */
    @GetMapping("/")
    String home() {
        return "redirect:/tasks";
    }
}
