package dev.baton.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The UI shell: sign-in page and the start page. */
@Controller
class ShellController {

  @GetMapping("/login")
  String login() {
    return "login";
  }

  /** A person's day starts in their inbox. */
  @GetMapping("/")
  String home() {
    return "redirect:/tasks";
  }
}
