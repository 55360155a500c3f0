// "Who delivers it" on an account's page (templates/account/detail.html): a person the viewer may give the
// promise to only as a member of the delivering team (data-team) is offered once that team is chosen, as
// recording the promise accepts them then and refuses them otherwise. Without this script the list stays as
// the page was drawn, for the team chosen then.
document.addEventListener('DOMContentLoaded', function () {
  const owner = document.getElementById('promise-ownerId');
  const team = document.getElementById('promise-deliveringTeamId');
  if (!owner || !team) {
    return;
  }
  const follow = function () {
    owner.querySelectorAll('option[data-team]').forEach(function (option) {
      const offered = option.dataset.team === team.value;
      option.disabled = !offered;
      option.hidden = !offered;
      if (!offered && option.selected) {
        owner.value = '';
      }
    });
  };
  team.addEventListener('change', follow);
  follow();
});
