/*
 * Reverse mode of the agent SDK: this page (a CRM on another site) frames the platform's call bar
 * and connects to it with CCAgent.connectToFrame(), which keeps saying hello until the agent has
 * signed in inside the frame. It shows the agent and the call, drives them from its own buttons
 * and logs every result, error and event.
 * Query: ?slug=<organisation slug>&platform=<platform origin, default this origin>&timeout=<ms>
 */
;(function () {
  'use strict'
  var params = new URLSearchParams(location.search)
  var slug = params.get('slug') || ''
  var platform = params.get('platform') || location.origin
  var timeoutMs = Number(params.get('timeout')) || 120000
  var log = document.getElementById('log')
  var status = document.getElementById('status')
  var frame = document.getElementById('callbar')
  var client = null

  function write(kind, text) {
    var item = document.createElement('li')
    item.className = kind
    item.setAttribute('data-kind', kind)
    item.textContent = text
    log.prepend(item)
  }

  function setStatus(state, text, code) {
    status.setAttribute('data-state', state)
    status.textContent = text
    if (code) status.setAttribute('data-code', code)
    else status.removeAttribute('data-code')
  }

  function show() {
    var agent = client && client.agent
    var call = client && client.call
    var agentText = document.getElementById('agent')
    agentText.textContent = agent ? agent.displayName + ' · ' + agent.state : '—'
    agentText.setAttribute('data-state', agent ? agent.state : 'unknown')
    var callText = document.getElementById('call')
    callText.textContent = call ? call.state : '—'
    callText.setAttribute('data-state', call ? call.state : 'none')
    document.getElementById('ani').textContent = (call && call.ani) || '—'
    document.getElementById('queue').textContent = (call && call.queue && call.queue.name) || '—'
    document.getElementById('allowed').textContent = call ? call.allowedActions.join(', ') || '—' : '—'
  }

  var calls = {
    setReady: function () { return client.setReady() },
    setNotReady: function () { return client.setNotReady() },
    answer: function () { return client.answer() },
    hold: function () { return client.hold() },
    retrieve: function () { return client.retrieve() },
    hangup: function () { return client.hangup() },
  }

  document.querySelectorAll('button[data-method]').forEach(function (button) {
    button.addEventListener('click', function () {
      var method = button.getAttribute('data-method')
      if (!client) return write('error', method + ' → E_NOT_CONNECTED')
      calls[method]().then(
        function () { write('result', method + ' → ok'); show() },
        function (error) { write('error', method + ' → ' + (error.code || 'E_INTERNAL') + ' ' + error.message) }
      )
    })
  })

  if (!slug) {
    setStatus('refused', 'Add ?slug=<organisation>&platform=<platform origin> to the address', 'E_INVALID')
    return
  }
  // Connect once both the SDK script and the framed call bar have loaded.
  var frameLoaded = new Promise(function (resolve) { frame.addEventListener('load', resolve, { once: true }) })
  frame.src = platform + '/embed/' + encodeURIComponent(slug) + '/callbar'
  var topics = ['agent.stateChanged', 'call.offered', 'call.dialing', 'call.answered', 'call.held', 'call.retrieved', 'call.muteChanged', 'call.transferred', 'call.updated', 'call.ended', 'call.dispositionSet']

  // The SDK script comes from the platform, like any third-party site would load it.
  var script = document.createElement('script')
  script.src = platform + '/sdk/cc-agent-sdk.js'
  script.onerror = function () { setStatus('refused', 'The agent SDK could not be loaded from ' + platform, 'E_NOT_CONNECTED') }
  /** Connects (again after the agent signed out inside the frame) and follows the call bar's events. */
  function connectCallBar() {
    setStatus('connecting', 'Waiting for the call bar…')
    CCAgent.connectToFrame(frame, { appId: 'crm-sample', timeoutMs: timeoutMs }).then(
      function (connected) {
        client = connected
        setStatus('connected', 'Call bar connected (protocol ' + client.protocol.major + '.' + client.protocol.minor + ')')
        topics.forEach(function (topic) {
          client.on(topic, function (payload, meta) {
            write('event', '#' + (meta && meta.seq) + ' ' + topic + (payload && payload.call ? ' ' + payload.call.state : payload && payload.agent ? ' ' + payload.agent.state : ''))
            show()
          })
        })
        client.on('connection.closed', function () {
          client = null
          show()
          connectCallBar()
        })
        show()
      },
      function (error) {
        setStatus('refused', 'Not connected: ' + error.code + ' ' + error.message, error.code)
      }
    )
  }

  script.onload = function () {
    frameLoaded.then(connectCallBar)
  }
  document.head.appendChild(script)
})()
