// Draws the BPMN diagram in #diagram with bpmn-js's navigated viewer and marks the steps Baton knows
// (its task rows, in data-steps): waiting ones as active, with who has them on hover; done ones as done.
document.addEventListener('DOMContentLoaded', async () => {
  const container = document.getElementById('diagram');
  if (!container || typeof BpmnJS === 'undefined') {
    return;
  }
  const viewer = new BpmnJS({ container });
  try {
    const response = await fetch(container.dataset.xmlUrl, { credentials: 'same-origin' });
    if (!response.ok) {
      throw new Error('the diagram of this version is not available (' + response.status + ')');
    }
    await viewer.importXML(await response.text());
  } catch (e) {
    container.textContent = 'The diagram cannot be drawn: ' + e.message;
    return;
  }
  const canvas = viewer.get('canvas');
  const registry = viewer.get('elementRegistry');
  canvas.zoom('fit-viewport');
  const steps = JSON.parse(container.dataset.steps || '[]');
  // done first, so that a step waiting again (a loop) ends up marked active
  steps.sort((a, b) => Number(a.open) - Number(b.open)).forEach(step => {
    if (!registry.get(step.elementId)) {
      return;
    }
    ['baton-active', 'baton-done'].forEach(marker => canvas.removeMarker(step.elementId, marker));
    canvas.addMarker(step.elementId, step.open ? 'baton-active' : (step.completed ? 'baton-done' : 'baton-withdrawn'));
    const title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
    title.textContent = step.open
      ? (step.assignee ? 'Assigned to ' + step.assignee : 'Offered to ' + (step.candidateGroups || []).join(', '))
      : (step.completed ? 'Done by ' + (step.completedBy || 'someone') : 'Withdrawn');
    const graphics = registry.getGraphics(step.elementId);
    graphics.querySelector('title')?.remove();
    graphics.appendChild(title);
  });
});
